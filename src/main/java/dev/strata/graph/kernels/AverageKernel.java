package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Average;

/** Keras {@code Average}: the sum of the inputs divided by their count. */
public final class AverageKernel implements LayerKernel<Average> {

    @Override
    public Flow call(Average layer, LayerCall call) {
        return MergeOps.elementwise(layer, call, false, (tf, xs, masks) -> MergeOps.average(tf, xs));
    }
}
