package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Minimum;

/** Keras {@code Minimum}: pairwise in input order, as {@link MaximumKernel}. */
public final class MinimumKernel implements LayerKernel<Minimum> {

    @Override
    public Flow call(Minimum layer, LayerCall call) {
        return MergeOps.elementwise(layer, call, true, (tf, xs, masks) -> MergeOps.extremum(tf, xs, masks, false));
    }
}
