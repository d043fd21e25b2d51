package dev.strata.graph.kernels;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * tf.nn.moments with keepdims=True, op for op: the mean, then the mean of the squared difference from the mean
 * taken under StopGradient (its gradient there is zero in exact math; TensorFlow leaves it out, and so does this).
 */
record Moments(Operand<TFloat32> mean, Operand<TFloat32> variance) {

    static Moments of(Ops tf, Operand<TFloat32> x, int[] axes) {
        Operand<TFloat32> mean = tf.math.mean(x, tf.constant(axes), Mean.keepDims(true));
        Operand<TFloat32> variance = tf.math.mean(tf.math.squaredDifference(x, tf.stopGradient(mean)),
                tf.constant(axes), Mean.keepDims(true));
        return new Moments(mean, variance);
    }

    /** Every axis of a rank-{@code rank} tensor but the listed ones, ascending. */
    static int[] otherAxes(int rank, int... kept) {
        int[] out = new int[rank - kept.length];
        int n = 0;
        for (int a = 0; a < rank; a++) {
            boolean keep = false;
            for (int k : kept) {
                keep |= k == a;
            }
            if (!keep) {
                out[n++] = a;
            }
        }
        return out;
    }
}
