package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.BatchNormalization;
import java.util.Arrays;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras {@code BatchNormalization} on the TensorFlow backend: batch moments (tf.nn.moments) in training when the
 * layer is trainable, with the moving statistics updated by Keras's rule; the moving statistics otherwise. The
 * output is tf.nn.batch_normalization's {@code x * inv + (beta - mean * inv)}, {@code inv = rsqrt(var + eps) *
 * gamma}, with the statistics reshaped to broadcast along a feature axis that is not the last, as Keras does.
 */
public final class BatchNormalizationKernel implements LayerKernel<BatchNormalization> {

    @Override
    public Flow call(BatchNormalization bn, LayerCall call) {
        Ops tf = call.tf();
        Operand<TFloat32> x = call.input().value();
        int rank = call.inputShape().rank() + 1;
        int axis = bn.featureAxis(call.inputShape(), bn.name());
        int channels = call.inputShape().dim(axis - 1);
        int[] broadcast = new int[rank];
        Arrays.fill(broadcast, 1);
        broadcast[axis] = channels;
        Operand<TFloat32> mean;
        Operand<TFloat32> variance;
        if (call.training() && bn.trainable()) {
            Moments m = Moments.of(tf, x, Moments.otherAxes(rank, axis));
            mean = m.mean();
            variance = m.variance();
            Operand<TInt32> flat = tf.constant(new int[] {channels});
            update(tf, call, bn, "moving_mean", tf.reshape(mean, flat));
            update(tf, call, bn, "moving_variance", tf.reshape(variance, flat));
        } else {
            mean = perChannel(tf, call.weight("moving_mean"), broadcast, axis, rank);
            variance = perChannel(tf, call.weight("moving_variance"), broadcast, axis, rank);
        }
        Operand<TFloat32> inv = tf.math.rsqrt(tf.math.add(variance, tf.constant((float) bn.epsilon())));
        if (bn.scale()) {
            inv = tf.math.mul(inv, perChannel(tf, call.weight("gamma"), broadcast, axis, rank));
        }
        Operand<TFloat32> offset = bn.center()
                ? tf.math.sub(perChannel(tf, call.weight("beta"), broadcast, axis, rank), tf.math.mul(mean, inv))
                : tf.math.mul(tf.math.neg(mean), inv);
        return Flow.of(tf.math.add(tf.math.mul(x, inv), offset));
    }

    /** {@code moving * momentum + batch * (1 - momentum)}, {@code 1 - momentum} taken in double as in Python. */
    private static void update(Ops tf, LayerCall call, BatchNormalization bn, String weight,
                               Operand<TFloat32> batch) {
        Operand<TFloat32> moving = call.weight(weight);
        call.updateState(weight, tf.math.add(tf.math.mul(moving, tf.constant((float) bn.momentum())),
                tf.math.mul(batch, tf.constant((float) (1.0 - bn.momentum())))));
    }

    /** A per-channel vector shaped to broadcast along {@code axis}; as is when that is the last axis. */
    private static Operand<TFloat32> perChannel(Ops tf, Operand<TFloat32> v, int[] broadcast, int axis, int rank) {
        return axis == rank - 1 ? v : tf.reshape(v, tf.constant(broadcast));
    }
}
