package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.GlobalMaxPooling1D;

/** Keras {@code GlobalMaxPooling1D}; see {@link PoolingOps}. */
public final class GlobalMaxPooling1DKernel implements LayerKernel<GlobalMaxPooling1D> {

    @Override
    public Flow call(GlobalMaxPooling1D layer, LayerCall call) {
        return PoolingOps.global(call, layer, true);
    }
}
