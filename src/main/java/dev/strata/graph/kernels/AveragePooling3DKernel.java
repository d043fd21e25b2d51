package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.AveragePooling3D;

/** Keras {@code AveragePooling3D}; see {@link PoolingOps}. */
public final class AveragePooling3DKernel implements LayerKernel<AveragePooling3D> {

    @Override
    public Flow call(AveragePooling3D layer, LayerCall call) {
        return PoolingOps.window(call, layer, false);
    }
}
