package dev.strata.spec;

/** Keras {@code L2}: {@code l2 * sum(w^2)}, with no factor 1/2. */
public record L2(double l2) implements Regularizer {
    public static final double DEFAULT = 0.01;

    public L2 {
        Checks.nonNegativeFinite("L2 regularizer", "l2", l2);
    }

    @Override
    public String kerasClassName() {
        return "L2";
    }

    @Override
    public boolean isZero() {
        return l2 == 0;
    }
}
