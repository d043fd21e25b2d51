package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.ZeroPadding2D;

/** Keras {@code ZeroPadding2D}; see {@link ReshapingOps#pad}. */
public final class ZeroPadding2DKernel implements LayerKernel<ZeroPadding2D> {

    @Override
    public Flow call(ZeroPadding2D layer, LayerCall call) {
        return ReshapingOps.pad(call, layer);
    }
}
