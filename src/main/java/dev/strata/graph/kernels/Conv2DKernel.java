package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Conv2D;

/** Keras {@code Conv2D}: Conv2D, split into one convolution per group when grouped. */
public final class Conv2DKernel implements LayerKernel<Conv2D> {

    @Override
    public Flow call(Conv2D layer, LayerCall call) {
        return ConvOps.convolution(call, layer, layer.groups());
    }
}
