package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Maximum;

/** Keras {@code Maximum}: pairwise in input order, so ties send the gradient to the earlier input. */
public final class MaximumKernel implements LayerKernel<Maximum> {

    @Override
    public Flow call(Maximum layer, LayerCall call) {
        return MergeOps.elementwise(layer, call, true, (tf, xs, masks) -> MergeOps.extremum(tf, xs, masks, true));
    }
}
