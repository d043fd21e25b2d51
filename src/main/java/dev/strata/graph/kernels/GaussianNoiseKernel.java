package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.GaussianNoise;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras {@code GaussianNoise}: in training, {@code x + stddev * N(0, 1)}. */
public final class GaussianNoiseKernel implements LayerKernel<GaussianNoise> {

    @Override
    public Flow call(GaussianNoise g, LayerCall call) {
        if (!call.noise() || g.stddev() == 0) {
            return call.input(); // the same tensor, as Keras returns it: a softmax before it keeps its logits
        }
        Ops tf = call.tf();
        Operand<TFloat32> x = call.input().value();
        Operand<TFloat32> noise = tf.math.mul(tf.constant((float) g.stddev()), Noise.standardNormal(call, x, g.seed()));
        return Flow.of(tf.math.add(x, noise));
    }
}
