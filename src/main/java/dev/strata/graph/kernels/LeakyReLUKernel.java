package dev.strata.graph.kernels;

import dev.strata.graph.Activations;
import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.LeakyReLU;

/** Keras {@code LeakyReLU}: tf.nn.leaky_relu. */
public final class LeakyReLUKernel implements LayerKernel<LeakyReLU> {

    @Override
    public Flow call(LeakyReLU layer, LayerCall call) {
        return Flow.of(Activations.leakyRelu(call.tf(), call.input().value(), layer.negativeSlope()));
    }
}
