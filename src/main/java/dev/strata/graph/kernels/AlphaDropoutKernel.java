package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.AlphaDropout;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras {@code AlphaDropout}: in training, {@code a * (x * keep + alpha_p * (1 - keep)) + b} with {@code keep} 1
 * where a uniform draw is at least {@code rate}; the constants are Keras's, computed in double as Python does.
 */
public final class AlphaDropoutKernel implements LayerKernel<AlphaDropout> {

    @Override
    public Flow call(AlphaDropout d, LayerCall call) {
        if (!call.noise() || d.rate() == 0) {
            return call.input(); // the same tensor, as Keras returns it: a softmax before it keeps its logits
        }
        Ops tf = call.tf();
        Operand<TFloat32> x = call.input().value();
        Operand<TFloat32> keep = Noise.keepMask(call, tf.shape(x), d.rate(), d.seed());
        Operand<TFloat32> dropped = tf.math.sub(tf.constant(1f), keep);
        Operand<TFloat32> masked = tf.math.add(tf.math.mul(x, keep),
                tf.math.mul(tf.constant((float) AlphaDropout.alphaP()), dropped));
        return Flow.of(tf.math.add(tf.math.mul(tf.constant((float) d.a()), masked), tf.constant((float) d.b())));
    }
}
