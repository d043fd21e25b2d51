package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.MaxPooling3D;

/** Keras {@code MaxPooling3D}; see {@link PoolingOps}. */
public final class MaxPooling3DKernel implements LayerKernel<MaxPooling3D> {

    @Override
    public Flow call(MaxPooling3D layer, LayerCall call) {
        return PoolingOps.window(call, layer, true);
    }
}
