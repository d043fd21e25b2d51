package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.GaussianDropout;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras {@code GaussianDropout}: in training, {@code x * (1 + sqrt(rate / (1 - rate)) * N(0, 1))}. */
public final class GaussianDropoutKernel implements LayerKernel<GaussianDropout> {

    @Override
    public Flow call(GaussianDropout g, LayerCall call) {
        if (!call.noise() || g.rate() == 0) {
            return call.input(); // the same tensor, as Keras returns it: a softmax before it keeps its logits
        }
        Ops tf = call.tf();
        Operand<TFloat32> x = call.input().value();
        Operand<TFloat32> factor = tf.math.add(tf.constant(1f), tf.math.mul(tf.constant((float) g.noiseStddev()),
                Noise.standardNormal(call, x, g.seed())));
        return Flow.of(tf.math.mul(x, factor));
    }
}
