package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.LayerNormalization;
import java.util.Arrays;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * Keras {@code LayerNormalization} (ops.layer_normalization on the TensorFlow backend), the same in every mode:
 * tf.nn.moments over the axes, {@code inv = rsqrt(var + eps) * gamma}, {@code x * inv + (-mean * inv + beta)};
 * with rms_scaling, tf.math.reduce_variance and {@code x * rsqrt(var + eps) * gamma}. gamma and beta are reshaped
 * to broadcast unless the one axis is the last, as Keras does (a plain reshape, also for axes written out of
 * order, as Keras).
 */
public final class LayerNormalizationKernel implements LayerKernel<LayerNormalization> {

    @Override
    public Flow call(LayerNormalization ln, LayerCall call) {
        Ops tf = call.tf();
        Operand<TFloat32> x = call.input().value();
        int rank = call.inputShape().rank() + 1;
        int[] axes = ln.featureAxes(call.inputShape(), ln.name());
        int[] broadcast = new int[rank];
        Arrays.fill(broadcast, 1);
        for (int a : axes) {
            broadcast[a] = call.inputShape().dim(a - 1);
        }
        boolean reshape = !(axes.length == 1 && axes[0] == rank - 1);
        Operand<TFloat32> gamma = ln.hasGamma() ? shaped(tf, call.weight("gamma"), broadcast, reshape) : null;
        Operand<TFloat32> eps = tf.constant((float) ln.epsilon());
        if (ln.rmsScaling()) {
            Operand<TFloat32> mean = tf.math.mean(x, tf.constant(axes), Mean.keepDims(true));
            Operand<TFloat32> variance = tf.math.mean(tf.math.square(tf.math.sub(x, mean)), tf.constant(axes),
                    Mean.keepDims(true));
            Operand<TFloat32> y = tf.math.mul(x, tf.math.rsqrt(tf.math.add(variance, eps)));
            return Flow.of(gamma == null ? y : tf.math.mul(y, gamma));
        }
        Moments m = Moments.of(tf, x, axes);
        Operand<TFloat32> inv = tf.math.rsqrt(tf.math.add(m.variance(), eps));
        if (gamma != null) {
            inv = tf.math.mul(inv, gamma);
        }
        Operand<TFloat32> res = tf.math.mul(tf.math.neg(m.mean()), inv);
        if (ln.hasBeta()) {
            res = tf.math.add(res, shaped(tf, call.weight("beta"), broadcast, reshape));
        }
        return Flow.of(tf.math.add(tf.math.mul(x, inv), res));
    }

    private static Operand<TFloat32> shaped(Ops tf, Operand<TFloat32> v, int[] broadcast, boolean reshape) {
        return reshape ? tf.reshape(v, tf.constant(broadcast)) : v;
    }
}
