package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Dense;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Keras {@code Dense}: {@code activation(x . kernel + bias)} on the last axis of an input of any rank. */
public final class DenseKernel implements LayerKernel<Dense> {

    @Override
    public Flow call(Dense dense, LayerCall call) {
        Ops tf = call.tf();
        Operand<TFloat32> x = call.input().value();
        Operand<TFloat32> kernel = call.weight("kernel");
        int rank = call.inputShape().rank();
        Operand<TFloat32> y;
        if (rank == 1) {
            y = tf.linalg.matMul(x, kernel);
        } else {
            // Keras applies Dense to the last axis of any rank: flatten the leading axes, then restore them.
            Operand<TInt32> leading = tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {rank}));
            Operand<TFloat32> flat = tf.reshape(x, tf.constant(new int[] {-1, call.inputShape().dim(-1)}));
            y = tf.reshape(tf.linalg.matMul(flat, kernel),
                    tf.concat(List.of(leading, tf.constant(new int[] {dense.units()})), tf.constant(0)));
        }
        if (dense.useBias()) {
            y = tf.nn.biasAdd(y, call.weight("bias"));
        }
        return Flow.activated(tf, dense.activation(), y);
    }
}
