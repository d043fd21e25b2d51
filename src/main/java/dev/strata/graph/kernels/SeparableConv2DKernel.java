package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.SeparableConv2D;

/** Keras {@code SeparableConv2D}: a depthwise convolution, then a 1x1 convolution with the pointwise kernel. */
public final class SeparableConv2DKernel implements LayerKernel<SeparableConv2D> {

    @Override
    public Flow call(SeparableConv2D layer, LayerCall call) {
        return ConvOps.depthwiseConvolution(call, layer, call.weight("pointwise_kernel"));
    }
}
