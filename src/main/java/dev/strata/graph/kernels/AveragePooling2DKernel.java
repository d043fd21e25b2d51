package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.AveragePooling2D;

/** Keras {@code AveragePooling2D}; see {@link PoolingOps}. */
public final class AveragePooling2DKernel implements LayerKernel<AveragePooling2D> {

    @Override
    public Flow call(AveragePooling2D layer, LayerCall call) {
        return PoolingOps.window(call, layer, false);
    }
}
