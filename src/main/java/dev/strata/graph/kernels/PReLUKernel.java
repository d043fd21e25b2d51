package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.PReLU;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras {@code PReLU}: {@code relu(x) + (-alpha) * relu(-x)}, alpha broadcast over the batch and shared axes. */
public final class PReLUKernel implements LayerKernel<PReLU> {

    @Override
    public Flow call(PReLU layer, LayerCall call) {
        Ops tf = call.tf();
        Operand<TFloat32> x = call.input().value();
        Operand<TFloat32> neg = tf.math.mul(tf.math.neg(call.weight("alpha")), tf.nn.relu(tf.math.neg(x)));
        return Flow.of(tf.math.add(tf.nn.relu(x), neg));
    }
}
