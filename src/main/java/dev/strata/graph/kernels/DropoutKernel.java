package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Dropout;

/** Keras {@code Dropout}: in training, keep with probability {@code 1 - rate} and scale by {@code 1 / (1 - rate)}. */
public final class DropoutKernel implements LayerKernel<Dropout> {

    @Override
    public Flow call(Dropout d, LayerCall call) {
        if (!call.noise() || d.rate() == 0) {
            return call.input(); // the same tensor, as Keras returns it: a softmax before it keeps its logits
        }
        return Flow.of(Noise.dropout(call, call.input().value(), d.rate(), d.seed(), null));
    }
}
