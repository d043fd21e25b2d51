package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.ZeroPadding3D;

/** Keras {@code ZeroPadding3D}; see {@link ReshapingOps#pad}. */
public final class ZeroPadding3DKernel implements LayerKernel<ZeroPadding3D> {

    @Override
    public Flow call(ZeroPadding3D layer, LayerCall call) {
        return ReshapingOps.pad(call, layer);
    }
}
