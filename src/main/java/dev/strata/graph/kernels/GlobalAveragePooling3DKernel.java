package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.GlobalAveragePooling3D;

/** Keras {@code GlobalAveragePooling3D}; see {@link PoolingOps}. */
public final class GlobalAveragePooling3DKernel implements LayerKernel<GlobalAveragePooling3D> {

    @Override
    public Flow call(GlobalAveragePooling3D layer, LayerCall call) {
        return PoolingOps.global(call, layer, false);
    }
}
