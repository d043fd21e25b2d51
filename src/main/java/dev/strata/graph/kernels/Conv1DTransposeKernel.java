package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Conv1DTranspose;

/**
 * Keras {@code Conv1DTranspose}: TensorFlow's gradient of a convolution with respect to its input, over a unit
 * height axis.
 */
public final class Conv1DTransposeKernel implements LayerKernel<Conv1DTranspose> {

    @Override
    public Flow call(Conv1DTranspose layer, LayerCall call) {
        return ConvOps.transposedConvolution(call, layer);
    }
}
