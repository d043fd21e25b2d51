package dev.strata.graph.kernels;

import dev.strata.graph.Activations;
import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.ReLU;

/** Keras {@code ReLU}: activations.relu with the layer's slope, cap and threshold. */
public final class ReLUKernel implements LayerKernel<ReLU> {

    @Override
    public Flow call(ReLU relu, LayerCall call) {
        return Flow.of(Activations.relu(call.tf(), call.input().value(), relu.negativeSlope(), relu.maxValue(),
                relu.threshold()));
    }
}
