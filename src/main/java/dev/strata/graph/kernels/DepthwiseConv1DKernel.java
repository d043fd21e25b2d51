package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.DepthwiseConv1D;

/** Keras {@code DepthwiseConv1D}: DepthwiseConv2dNative over a unit height axis. */
public final class DepthwiseConv1DKernel implements LayerKernel<DepthwiseConv1D> {

    @Override
    public Flow call(DepthwiseConv1D layer, LayerCall call) {
        return ConvOps.depthwiseConvolution(call, layer, null);
    }
}
