package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.GlobalAveragePooling1D;

/** Keras {@code GlobalAveragePooling1D}; see {@link PoolingOps}. */
public final class GlobalAveragePooling1DKernel implements LayerKernel<GlobalAveragePooling1D> {

    @Override
    public Flow call(GlobalAveragePooling1D layer, LayerCall call) {
        return PoolingOps.global(call, layer, false);
    }
}
