package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.GlobalMaxPooling2D;

/** Keras {@code GlobalMaxPooling2D}; see {@link PoolingOps}. */
public final class GlobalMaxPooling2DKernel implements LayerKernel<GlobalMaxPooling2D> {

    @Override
    public Flow call(GlobalMaxPooling2D layer, LayerCall call) {
        return PoolingOps.global(call, layer, true);
    }
}
