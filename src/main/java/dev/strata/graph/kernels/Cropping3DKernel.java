package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Cropping3D;

/** Keras {@code Cropping3D}; see {@link ReshapingOps#crop}. */
public final class Cropping3DKernel implements LayerKernel<Cropping3D> {

    @Override
    public Flow call(Cropping3D layer, LayerCall call) {
        return ReshapingOps.crop(call, layer);
    }
}
