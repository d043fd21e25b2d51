package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.SpatialDropout3D;

/** Keras {@code SpatialDropout3D}: dropout with one mask value per (example, channel). */
public final class SpatialDropout3DKernel implements LayerKernel<SpatialDropout3D> {

    @Override
    public Flow call(SpatialDropout3D d, LayerCall call) {
        return Noise.spatialDropout(d, call);
    }
}
