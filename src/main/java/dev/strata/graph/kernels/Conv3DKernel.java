package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Conv3D;

/** Keras {@code Conv3D}: Conv3D, with the gradient Strata registers for it. */
public final class Conv3DKernel implements LayerKernel<Conv3D> {

    @Override
    public Flow call(Conv3D layer, LayerCall call) {
        return ConvOps.convolution(call, layer, layer.groups());
    }
}
