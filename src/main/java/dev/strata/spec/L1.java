package dev.strata.spec;

/** Keras {@code L1}: {@code l1 * sum(abs(w))}. */
public record L1(double l1) implements Regularizer {
    public static final double DEFAULT = 0.01;

    public L1 {
        Checks.nonNegativeFinite("L1 regularizer", "l1", l1);
    }

    @Override
    public String kerasClassName() {
        return "L1";
    }

    @Override
    public boolean isZero() {
        return l1 == 0;
    }
}
