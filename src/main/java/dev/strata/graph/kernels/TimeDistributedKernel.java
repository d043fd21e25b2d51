package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.ActivationLayer;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.TimeDistributed;

/**
 * Keras {@code TimeDistributed} over the layers the spec admits, which act on the last axis alone: their kernel
 * applied to the whole {@code (batch, steps, ...)} input computes each step's result, with the weights the wrapper
 * declares under the wrapped layer's names.
 */
public final class TimeDistributedKernel implements LayerKernel<TimeDistributed> {

    @Override
    public Flow call(TimeDistributed layer, LayerCall call) {
        Flow out;
        if (layer.layer() instanceof Dense dense) {
            out = new DenseKernel().call(dense, call);
        } else {
            out = new ActivationLayerKernel().call((ActivationLayer) layer.layer(), call);
        }
        return out.withMask(call.input().mask());
    }
}
