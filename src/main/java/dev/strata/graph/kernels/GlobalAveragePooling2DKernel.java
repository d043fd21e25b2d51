package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.GlobalAveragePooling2D;

/** Keras {@code GlobalAveragePooling2D}; see {@link PoolingOps}. */
public final class GlobalAveragePooling2DKernel implements LayerKernel<GlobalAveragePooling2D> {

    @Override
    public Flow call(GlobalAveragePooling2D layer, LayerCall call) {
        return PoolingOps.global(call, layer, false);
    }
}
