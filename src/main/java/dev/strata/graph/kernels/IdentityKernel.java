package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Identity;

/**
 * Keras {@code Identity}: a named {@code Identity} op (so a model's output is never its fed input), keeping the
 * input's logits and mask, as Keras does by returning the input itself.
 */
public final class IdentityKernel implements LayerKernel<Identity> {

    @Override
    public Flow call(Identity layer, LayerCall call) {
        Flow in = call.input();
        return new Flow(call.tf().identity(in.value()), in.logits(), in.logitsOf(), in.mask());
    }
}
