package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.spec.layers.DataFormat;
import dev.strata.spec.layers.SpatialDropout;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The random draws of training-only layers, from TensorFlow's stateless random ops: a pure function of (layer
 * seed, step), so a run resumed from a checkpoint draws exactly the masks an uninterrupted one would.
 *
 * <p>TensorFlow's C++ gradient registry (the one {@code Graph.addGradients} uses) has no entry for the stateless
 * random ops, and the draw's shape comes from {@code x}, so the gradient builder reaches them from the loss; every
 * draw used as a value is therefore wrapped in {@code StopGradient}. (Dropout's mask passes through
 * {@code GreaterEqual}, which the registry marks as having no gradient, and needs no wrapping.)
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
        Operand<TFloat32> keep = keepMask(call, noiseShape != null ? noiseShape : tf.shape(x), rate, own);
        return tf.math.mul(tf.math.mul(x, tf.constant((float) (1.0 / (1.0 - rate)))), keep);
    }

    /** 1 where a uniform draw is at least {@code rate} (kept), else 0: Keras's {@code uniform >= rate}. */
    static Operand<TFloat32> keepMask(LayerCall call, Operand<TInt32> shape, double rate, Long own) {
        Ops tf = call.tf();
        Operand<TFloat32> random = tf.random.statelessRandomUniform(shape, call.randomSeed(own, 0), TFloat32.class);
        return tf.dtypes.cast(tf.math.greaterEqual(random, tf.constant((float) rate)), TFloat32.class);
    }

    /** Standard normal noise shaped like {@code x}, as TensorFlow's {@code stateless_normal}. */
    static Operand<TFloat32> standardNormal(LayerCall call, Operand<TFloat32> x, Long own) {
        Ops tf = call.tf();
        return tf.stopGradient(tf.random.statelessRandomNormal(tf.shape(x), call.randomSeed(own, 0),
                TFloat32.class));
    }

    /** Keras's spatial dropout: its input itself outside training noise or at rate 0, as Keras returns it. */
    static Flow spatialDropout(SpatialDropout d, LayerCall call) {
        if (!call.noise() || d.rate() == 0) {
            return call.input();
        }
        Operand<TFloat32> x = call.input().value();
        return Flow.of(dropout(call, x, d.rate(), d.seed(), spatialNoiseShape(call.tf(), x, d.spatialRank(),
                d.dataFormat())));
    }

    /**
     * Keras's spatial dropout noise shape: the batch and channel sizes of {@code x}, 1 on every spatial axis,
     * so one mask value covers a whole feature map.
     */
    static Operand<TInt32> spatialNoiseShape(Ops tf, Operand<TFloat32> x, int spatialRank, DataFormat format) {
        Operand<TInt32> shape = tf.shape(x);
        Operand<TInt32> batch = tf.slice(shape, tf.constant(new int[] {0}), tf.constant(new int[] {1}));
        Operand<TInt32> channels = tf.slice(shape, tf.constant(new int[] {format == DataFormat.CHANNELS_LAST
                ? spatialRank + 1 : 1}), tf.constant(new int[] {1}));
        int[] ones = new int[spatialRank];
        Arrays.fill(ones, 1);
        List<Operand<TInt32>> parts = new ArrayList<>(List.of(batch));
        if (format == DataFormat.CHANNELS_LAST) {
            parts.add(tf.constant(ones));
            parts.add(channels);
        } else {
            parts.add(channels);
            parts.add(tf.constant(ones));
        }
        return tf.concat(parts, tf.constant(0));
    }
}
