package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.MaxPooling1D;

/** Keras {@code MaxPooling1D}; see {@link PoolingOps}. */
public final class MaxPooling1DKernel implements LayerKernel<MaxPooling1D> {

    @Override
    public Flow call(MaxPooling1D layer, LayerCall call) {
        return PoolingOps.window(call, layer, true);
    }
}
