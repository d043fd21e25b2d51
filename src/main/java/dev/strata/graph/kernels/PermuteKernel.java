package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Permute;

/** Keras {@code Permute}: a transpose that keeps the batch axis first. */
public final class PermuteKernel implements LayerKernel<Permute> {

    @Override
    public Flow call(Permute p, LayerCall call) {
        int[] perm = new int[p.dims().size() + 1];
        for (int i = 1; i < perm.length; i++) {
            perm[i] = p.dims().get(i - 1);
        }
        return Flow.of(call.tf().linalg.transpose(call.input().value(), call.tf().constant(perm)));
    }
}
