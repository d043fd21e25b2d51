package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.ActivationLayer;

/** Keras {@code Activation}. */
public final class ActivationLayerKernel implements LayerKernel<ActivationLayer> {

    @Override
    public Flow call(ActivationLayer a, LayerCall call) {
        return Flow.activated(call.tf(), a.activation(), call.input().value());
    }
}
