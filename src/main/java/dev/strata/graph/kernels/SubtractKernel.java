package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Subtract;

/** Keras {@code Subtract}: the first input minus the second. */
public final class SubtractKernel implements LayerKernel<Subtract> {

    @Override
    public Flow call(Subtract layer, LayerCall call) {
        return MergeOps.elementwise(layer, call, false, (tf, xs, masks) -> tf.math.sub(xs.get(0), xs.get(1)));
    }
}
