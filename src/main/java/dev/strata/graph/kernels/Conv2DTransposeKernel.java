package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Conv2DTranspose;

/** Keras {@code Conv2DTranspose}: Conv2DBackpropInput, the gradient of a convolution with respect to its input. */
public final class Conv2DTransposeKernel implements LayerKernel<Conv2DTranspose> {

    @Override
    public Flow call(Conv2DTranspose layer, LayerCall call) {
        return ConvOps.transposedConvolution(call, layer);
    }
}
