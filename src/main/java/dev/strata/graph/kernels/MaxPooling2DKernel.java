package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.MaxPooling2D;

/** Keras {@code MaxPooling2D}; see {@link PoolingOps}. */
public final class MaxPooling2DKernel implements LayerKernel<MaxPooling2D> {

    @Override
    public Flow call(MaxPooling2D layer, LayerCall call) {
        return PoolingOps.window(call, layer, true);
    }
}
