package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Cropping1D;

/** Keras {@code Cropping1D}; see {@link ReshapingOps#crop}. */
public final class Cropping1DKernel implements LayerKernel<Cropping1D> {

    @Override
    public Flow call(Cropping1D layer, LayerCall call) {
        return ReshapingOps.crop(call, layer);
    }
}
