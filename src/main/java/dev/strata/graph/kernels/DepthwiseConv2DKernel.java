package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.DepthwiseConv2D;

/** Keras {@code DepthwiseConv2D}: DepthwiseConv2dNative, dilated through space-to-batch (its CPU kernel refuses it). */
public final class DepthwiseConv2DKernel implements LayerKernel<DepthwiseConv2D> {

    @Override
    public Flow call(DepthwiseConv2D layer, LayerCall call) {
        return ConvOps.depthwiseConvolution(call, layer, null);
    }
}
