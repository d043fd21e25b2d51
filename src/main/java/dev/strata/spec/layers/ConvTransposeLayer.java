package dev.strata.spec.layers;

import dev.strata.spec.IntTuple;

/** A transposed convolution: its filters, its output padding, and Keras's output size rule. */
public interface ConvTransposeLayer extends ConvLayer {

    int filters();

    /** Null: the padding mode alone decides the output size. */
    IntTuple outputPadding();

    /** Keras's output size along spatial axis {@code axis} for an input of {@code n} positions (n known). */
    default long outputSize(int axis, int n) {
        return Convolutions.transposeSize(n, kernelSize().get(axis), strides().get(axis), padding(),
                outputPadding() == null ? null : outputPadding().get(axis));
    }
}
