package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.NumberArray;
import dev.strata.spec.layers.Normalization;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras {@code Normalization} on the TensorFlow backend: the statistics (weights or config constants) reshaped to
 * broadcast along the kept axes, then {@code (x - mean) / max(sqrt(variance), 1e-7)}, or with {@code invert}
 * {@code mean + x * max(sqrt(variance), 1e-7)}; 1e-7 is Keras's {@code backend.epsilon()}.
 */
public final class NormalizationKernel implements LayerKernel<Normalization> {
    private static final float EPSILON = 1e-7f;

    @Override
    public Flow call(Normalization layer, LayerCall call) {
        Ops tf = call.tf();
        Operand<TFloat32> x = call.input().value();
        int[] broadcast = layer.statisticsShape(call.inputShape(), layer.name());
        Operand<TFloat32> mean = statistic(tf, call, layer, "mean", layer.mean(), broadcast);
        Operand<TFloat32> variance = statistic(tf, call, layer, "variance", layer.variance(), broadcast);
        Operand<TFloat32> scale = tf.math.maximum(tf.math.sqrt(variance), tf.constant(EPSILON));
        return Flow.of(layer.invert() ? tf.math.add(mean, tf.math.mul(x, scale))
                : tf.math.div(tf.math.sub(x, mean), scale));
    }

    private static Operand<TFloat32> statistic(Ops tf, LayerCall call, Normalization layer, String weight,
                                               NumberArray fixed, int[] broadcast) {
        if (fixed != null && fixed.isScalar()) {
            return tf.constant((float) fixed.get(0));
        }
        Operand<TFloat32> v = fixed == null ? call.weight(weight) : tf.constant(fixed.floats());
        return tf.reshape(v, tf.constant(broadcast));
    }
}
