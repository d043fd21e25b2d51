package dev.strata.train;

import java.util.Locale;
import java.util.Map;

/** Formatting of a logs map the way Keras prints it: {@code loss: 0.1234 - accuracy: 0.9000}. */
final class Logs {
    private Logs() {
    }

    static String format(Map<String, Double> logs) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Double> e : logs.entrySet()) {
            if (sb.length() > 0) {
                sb.append(" - ");
            }
            sb.append(e.getKey()).append(": ").append(number(e.getValue()));
        }
        return sb.toString();
    }

    static String number(double v) {
        double a = Math.abs(v);
        if (v == 0 || (a >= 1e-3 && a < 1e5)) {
            return String.format(Locale.ROOT, "%.4f", v);
        }
        return String.format(Locale.ROOT, "%.4e", v);
    }
}
