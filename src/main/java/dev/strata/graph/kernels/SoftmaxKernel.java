package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.Activation;
import dev.strata.spec.layers.Softmax;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;

/**
 * Keras {@code Softmax}. One axis: tf.nn.softmax, which swaps a non-last axis with the last around the Softmax op;
 * the output keeps its logits, as Keras's activations.softmax (Keras's crossentropy then uses them on the last
 * axis whatever the softmax axis was, and so does Strata). Several axes: {@code exp(x - logsumexp(x))} with
 * tf.math.reduce_logsumexp's max shift under StopGradient, and no logits, as Keras.
 */
public final class SoftmaxKernel implements LayerKernel<Softmax> {

    @Override
    public Flow call(Softmax layer, LayerCall call) {
        Ops tf = call.tf();
        Operand<TFloat32> x = call.input().value();
        int rank = call.inputShape().rank() + 1;
        int[] axes = layer.softmaxAxes(call.inputShape(), layer.name());
        if (axes.length == 1) {
            int a = axes[0];
            if (a == rank - 1) {
                return new Flow(tf.nn.softmax(x), x, Activation.SOFTMAX, null);
            }
            int[] swap = new int[rank];
            for (int i = 0; i < rank; i++) {
                swap[i] = i == a ? rank - 1 : i == rank - 1 ? a : i;
            }
            Operand<TFloat32> out = tf.linalg.transpose(tf.nn.softmax(tf.linalg.transpose(x, tf.constant(swap))),
                    tf.constant(swap));
            return new Flow(out, x, Activation.SOFTMAX, null);
        }
        Operand<TFloat32> rawMax = tf.max(x, tf.constant(axes), Max.keepDims(true));
        Operand<TFloat32> shift = tf.stopGradient(tf.select(tf.math.isFinite(rawMax), rawMax, tf.constant(0f)));
        Operand<TFloat32> logSumExp = tf.math.add(tf.math.log(tf.reduceSum(tf.math.exp(tf.math.sub(x, shift)),
                tf.constant(axes), ReduceSum.keepDims(true))), shift);
        return Flow.of(tf.math.exp(tf.math.sub(x, logSumExp)));
    }
}
