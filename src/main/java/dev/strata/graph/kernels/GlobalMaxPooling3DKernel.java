package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.GlobalMaxPooling3D;

/** Keras {@code GlobalMaxPooling3D}; see {@link PoolingOps}. */
public final class GlobalMaxPooling3DKernel implements LayerKernel<GlobalMaxPooling3D> {

    @Override
    public Flow call(GlobalMaxPooling3D layer, LayerCall call) {
        return PoolingOps.global(call, layer, true);
    }
}
