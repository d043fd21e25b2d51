package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.TensorShape;
import dev.strata.spec.layers.ActivationLayer;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.TimeDistributed;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras {@code TimeDistributed}. Keras calls the wrapped layer once per step and stacks the results; for the
 * layers the spec admits (no batch statistics, no state) that equals one call on the steps folded into the batch
 * axis, {@code (batch * steps, ...)}, which is how it is built here. Dense and Activation act on the last axis
 * alone and run on the sequence as it is, keeping a softmax's logits for the loss. The input mask passes through.
 */
public final class TimeDistributedKernel implements LayerKernel<TimeDistributed> {

    @Override
    public Flow call(TimeDistributed layer, LayerCall call) {
        Flow out;
        if (layer.layer() instanceof Dense dense) {
            out = new DenseKernel().call(dense, call);
        } else if (layer.layer() instanceof ActivationLayer activation) {
            out = new ActivationLayerKernel().call(activation, call);
        } else {
            out = folded(layer, call);
        }
        return out.withMask(call.input().mask());
    }

    private static Flow folded(TimeDistributed layer, LayerCall call) {
        Ops tf = call.tf();
        Operand<TFloat32> x = call.input().value();
        Operand<TInt32> shape = tf.shape(x);
        Operand<TInt32> batchAndSteps = slice(tf, shape, 0, 2);
        Operand<TFloat32> merged = tf.reshape(x, tf.concat(List.of(tf.constant(new int[] {-1}),
                slice(tf, shape, 2, -1)), tf.constant(0)));
        TensorShape step = TimeDistributed.stepShape(call.inputShape(), layer.name());
        Flow inner = call.callWrapped(layer.layer(), Flow.of(merged), step);
        Operand<TFloat32> y = inner.value();
        Operand<TInt32> outShape = tf.concat(List.of(batchAndSteps, slice(tf, tf.shape(y), 1, -1)), tf.constant(0));
        return inner.logits() == null ? Flow.of(tf.reshape(y, outShape))
                : new Flow(tf.reshape(y, outShape), tf.reshape(inner.logits(), outShape), inner.logitsOf(), null);
    }

    /** {@code shape[from:to]}, or {@code shape[from:]} when {@code to} is -1. */
    private static Operand<TInt32> slice(Ops tf, Operand<TInt32> shape, int from, int to) {
        return tf.slice(shape, tf.constant(new int[] {from}), tf.constant(new int[] {to < 0 ? -1 : to - from}));
    }
}
