package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.SpatialDropout1D;

/** Keras {@code SpatialDropout1D}: dropout with one mask value per (example, channel). */
public final class SpatialDropout1DKernel implements LayerKernel<SpatialDropout1D> {

    @Override
    public Flow call(SpatialDropout1D d, LayerCall call) {
        return Noise.spatialDropout(d, call);
    }
}
