package dev.strata.spec;

/**
 * A penalty on a weight or a layer output, added to the training objective only. The built-in kinds
 * follow Keras 3 formulas exactly; {@link CustomRegularizer} refers by name to a penalty function a user
 * registers with the graph compiler, so a spec stays plain data that JSON can carry.
 */
public sealed interface Regularizer permits L1, L2, L1L2, OrthogonalRegularizer, CustomRegularizer {

    /** Keras class name written to JSON, for example {@code L2}. */
    String kerasClassName();

    /** True when the penalty is identically zero (for example {@code L1L2(0, 0)}). */
    boolean isZero();
}
