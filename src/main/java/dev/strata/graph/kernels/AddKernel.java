package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Add;

/** Keras {@code Add}: the inputs added in order, after Keras's rank broadcasting. */
public final class AddKernel implements LayerKernel<Add> {

    @Override
    public Flow call(Add layer, LayerCall call) {
        return MergeOps.elementwise(layer, call, false, (tf, xs, masks) -> MergeOps.sum(tf, xs));
    }
}
