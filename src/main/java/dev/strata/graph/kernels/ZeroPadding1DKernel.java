package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.ZeroPadding1D;

/** Keras {@code ZeroPadding1D}; see {@link ReshapingOps#pad}. */
public final class ZeroPadding1DKernel implements LayerKernel<ZeroPadding1D> {

    @Override
    public Flow call(ZeroPadding1D layer, LayerCall call) {
        return ReshapingOps.pad(call, layer);
    }
}
