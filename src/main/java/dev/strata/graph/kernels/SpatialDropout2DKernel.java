package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.SpatialDropout2D;

/** Keras {@code SpatialDropout2D}: dropout with one mask value per (example, channel). */
public final class SpatialDropout2DKernel implements LayerKernel<SpatialDropout2D> {

    @Override
    public Flow call(SpatialDropout2D d, LayerCall call) {
        return Noise.spatialDropout(d, call);
    }
}
