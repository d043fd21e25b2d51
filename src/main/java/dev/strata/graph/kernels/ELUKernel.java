package dev.strata.graph.kernels;

import dev.strata.graph.Activations;
import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.ELU;

/** Keras {@code ELU}: activations.elu with the layer's alpha. */
public final class ELUKernel implements LayerKernel<ELU> {

    @Override
    public Flow call(ELU layer, LayerCall call) {
        return Flow.of(Activations.elu(call.tf(), call.input().value(), layer.alpha()));
    }
}
