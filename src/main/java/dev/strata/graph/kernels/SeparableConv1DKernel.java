package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.SeparableConv1D;

/** Keras {@code SeparableConv1D}: a depthwise convolution over a unit height axis, then a 1x1 pointwise one. */
public final class SeparableConv1DKernel implements LayerKernel<SeparableConv1D> {

    @Override
    public Flow call(SeparableConv1D layer, LayerCall call) {
        return ConvOps.depthwiseConvolution(call, layer, call.weight("pointwise_kernel"));
    }
}
