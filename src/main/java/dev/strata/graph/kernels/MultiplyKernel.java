package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Multiply;

/** Keras {@code Multiply}, masked steps counting as 1. */
public final class MultiplyKernel implements LayerKernel<Multiply> {

    @Override
    public Flow call(Multiply layer, LayerCall call) {
        return MergeOps.elementwise(layer, call, true, (tf, xs, masks) -> MergeOps.multiply(tf, xs, masks));
    }
}
