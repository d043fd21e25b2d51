package dev.strata.spec;

import java.util.Locale;

/**
 * Keras 3 {@code OrthogonalRegularizer}: {@code factor * 0.5 * sum(|P * (1 - I)|) / (n(n-1)/2)}, where P is
 * the Gram matrix of the L2-normalised rows (mode ROWS) or columns (mode COLUMNS) of a rank-2 weight.
 */
public record OrthogonalRegularizer(double factor, Mode mode) implements Regularizer {
    public static final double DEFAULT_FACTOR = 0.01;

    /** Which vectors of the kernel should be orthogonal: its rows or its columns (Keras's {@code mode}). */
    public enum Mode {
        ROWS, COLUMNS;

        /** {@code "rows"} or {@code "columns"}, as Keras writes it. */
        public String kerasName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The mode Keras's config names; anything else is an {@link InvalidSpecException}. */
        public static Mode fromKerasName(String name) {
            for (Mode m : values()) {
                if (m.kerasName().equals(name)) {
                    return m;
                }
            }
            throw new InvalidSpecException("OrthogonalRegularizer", "mode",
                    "must be 'rows' or 'columns'. Received: mode=" + name);
        }
    }

    public OrthogonalRegularizer {
        Checks.nonNegativeFinite("OrthogonalRegularizer", "factor", factor);
        Checks.notNull("OrthogonalRegularizer", "mode", mode);
    }

    @Override
    public String kerasClassName() {
        return "OrthogonalRegularizer";
    }

    @Override
    public boolean isZero() {
        return factor == 0;
    }
}
