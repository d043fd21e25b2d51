package dev.strata.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}, so text Keras users compare against (model JSON, CSV logs) is the same: the
 * shortest decimal that reads back as the same double (the closest such, as Python's dtoa), positional for
 * decimal exponents -4 to 15 ({@code 0.0001}, {@code 3.0}), scientific otherwise ({@code 1e-05},
 * {@code 1.5e+16}); {@code nan}, {@code inf}, {@code -inf}.
 */
public final class PythonFloat {
    private PythonFloat() {
    }

    public static String repr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = shortest(Math.abs(d));
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - 1 - exact.scale(); // decimal exponent of the first digit
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int e = Math.abs(exponent);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + e;
        }
        if (exponent < 0) {
            return sign + "0." + "0".repeat(-exponent - 1) + digits;
        }
        if (digits.length() <= exponent + 1) {
            return sign + digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
        }
        return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }

    /**
     * The fewest significant digits that read back as {@code v}, the closest of them to {@code v}. Java 17's
     * {@code Double.toString} is not always shortest and always writes two digits ({@code 4.9E-324} where
     * Python writes {@code 5e-324}), so the digits are searched here.
     */
    private static BigDecimal shortest(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == v) {
                return r.stripTrailingZeros();
            }
            // Just below a power of two the round-trip interval is lopsided: the nearest p-digit value can fall
            // outside it while its neighbour on the other side of v is inside.
            BigDecimal other = r.compareTo(exact) > 0 ? r.subtract(r.ulp()) : r.add(r.ulp());
            if (other.signum() > 0 && other.doubleValue() == v) {
                return other.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
