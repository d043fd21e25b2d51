package dev.strata.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The typed option values. Each message completes {@code "<option> <message>, was <value>"} (see
 * {@link StrataCli}), so a mistake reads {@code --epochs must be a positive integer, was zero} whichever option it
 * is.
 */
final class Converters {
    private Converters() {
    }

    /** {@code --epochs}, {@code --batch-size}: 0 epochs or a batch of 0 is always a typo. */
    static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // falls through to the one message
            }
            throw new TypeConversionException("must be a positive integer");
        }
    }

    /** {@code --seed}: any long, negative included, as Keras's seeds. */
    static final class Int64 implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("must be an integer");
            }
        }
    }

    /** A finite number: NaN or infinity as a regularization factor would only surface as a NaN loss later. */
    static final class Finite implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return finite(value);
        }
    }

    /** {@code --learning-rate}. */
    static final class Positive implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v = finite(value);
            if (!(v > 0)) {
                throw new TypeConversionException("must be > 0");
            }
            return v;
        }
    }

    /** {@code --validation-split}: a fraction in [0, 1), as Keras's validation_split. */
    static final class Fraction implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v = finite(value);
            if (!(v >= 0 && v < 1)) {
                throw new TypeConversionException("must be in [0, 1)");
            }
            return v;
        }
    }

    static double finite(String value) {
        try {
            double v = Double.parseDouble(value.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the one message
        }
        throw new TypeConversionException("must be a number");
    }
}
