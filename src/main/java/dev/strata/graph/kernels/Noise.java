package dev.strata.graph.kernels;

import dev.strata.graph.LayerCall;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The random draws of training-only layers, from TensorFlow's stateless random ops: a pure function of (layer
 * seed, step), so a run resumed from a checkpoint draws exactly the masks an uninterrupted one would.
 */
final class Noise {
    private Noise() {
    }

    /**
     * Keras dropout: keep each value (each slice of {@code noiseShape}, broadcast) with probability
     * {@code 1 - rate}, scaling kept values by {@code 1 / (1 - rate)}.
     *
     * @param noiseShape the mask shape, or null for one draw per value
     */
    static Operand<TFloat32> dropout(LayerCall call, Operand<TFloat32> x, double rate, Long own,
                                     Operand<TInt32> noiseShape) {
        Ops tf = call.tf();
        Operand<TInt32> shape = noiseShape != null ? noiseShape : tf.shape(x);
        Operand<TFloat32> random = tf.random.statelessRandomUniform(shape, call.randomSeed(own, 0), TFloat32.class);
        Operand<TFloat32> keep = tf.dtypes.cast(tf.math.greaterEqual(random, tf.constant((float) rate)),
                TFloat32.class);
        return tf.math.mul(tf.math.mul(x, tf.constant((float) (1.0 / (1.0 - rate)))), keep);
    }
}
