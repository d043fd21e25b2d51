package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.AveragePooling1D;

/** Keras {@code AveragePooling1D}; see {@link PoolingOps}. */
public final class AveragePooling1DKernel implements LayerKernel<AveragePooling1D> {

    @Override
    public Flow call(AveragePooling1D layer, LayerCall call) {
        return PoolingOps.window(call, layer, false);
    }
}
