package dev.strata.spec;

/**
 * Keras {@code L1L2}: {@code l1 * sum(abs(w)) + l2 * sum(w^2)}; a zero factor's term is not built. Keras 3
 * defaults both factors to 0 (TensorFlow.js to 0.01); Strata follows Keras 3.
 */
public record L1L2(double l1, double l2) implements Regularizer {
    public L1L2 {
        Checks.nonNegativeFinite("L1L2 regularizer", "l1", l1);
        Checks.nonNegativeFinite("L1L2 regularizer", "l2", l2);
    }

    @Override
    public String kerasClassName() {
        return "L1L2";
    }

    @Override
    public boolean isZero() {
        return l1 == 0 && l2 == 0;
    }
}
