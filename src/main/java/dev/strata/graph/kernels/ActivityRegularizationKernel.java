package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.ActivityRegularization;

/**
 * Keras {@code ActivityRegularization}: the identity. Its penalty is the spec's activity regularizer, which the
 * forward pass applies to this output in training and evaluation like any other. Unlike the noise layers it is
 * part of every graph, so it is a named {@code Identity} op (a model's output is then never its fed input), and
 * it keeps the logits of a softmax or sigmoid before it, as Keras does by returning its input.
 */
public final class ActivityRegularizationKernel implements LayerKernel<ActivityRegularization> {

    @Override
    public Flow call(ActivityRegularization layer, LayerCall call) {
        Flow in = call.input();
        return new Flow(call.tf().identity(in.value()), in.logits(), in.logitsOf(), in.mask());
    }
}
