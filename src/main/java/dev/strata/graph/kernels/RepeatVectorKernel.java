package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.RepeatVector;
import org.tensorflow.op.Ops;

/** Keras {@code RepeatVector}: {@code (batch, d)} to {@code (batch, 1, d)}, tiled {@code n} times on the new axis. */
public final class RepeatVectorKernel implements LayerKernel<RepeatVector> {

    @Override
    public Flow call(RepeatVector r, LayerCall call) {
        Ops tf = call.tf();
        return Flow.of(tf.tile(tf.expandDims(call.input().value(), tf.constant(1)),
                tf.constant(new int[] {1, r.n(), 1})));
    }
}
