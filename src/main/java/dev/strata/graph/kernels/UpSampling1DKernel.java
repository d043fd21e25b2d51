package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.UpSampling1D;

/** Keras {@code UpSampling1D}: {@code ops.repeat} of the steps axis. */
public final class UpSampling1DKernel implements LayerKernel<UpSampling1D> {

    @Override
    public Flow call(UpSampling1D u, LayerCall call) {
        return Flow.of(ReshapingOps.repeat(call.tf(), call.input().value(), call.inputShape(), 1, u.size()));
    }
}
