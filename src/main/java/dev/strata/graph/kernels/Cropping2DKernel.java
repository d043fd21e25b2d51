package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Cropping2D;

/** Keras {@code Cropping2D}; see {@link ReshapingOps#crop}. */
public final class Cropping2DKernel implements LayerKernel<Cropping2D> {

    @Override
    public Flow call(Cropping2D layer, LayerCall call) {
        return ReshapingOps.crop(call, layer);
    }
}
