package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Conv3DTranspose;

/**
 * Keras {@code Conv3DTranspose}: Conv3DBackpropInputV2, TensorFlow's gradient of a convolution with respect to its
 * input, with the gradient Strata registers for it.
 */
public final class Conv3DTransposeKernel implements LayerKernel<Conv3DTranspose> {

    @Override
    public Flow call(Conv3DTranspose layer, LayerCall call) {
        return ConvOps.transposedConvolution(call, layer);
    }
}
