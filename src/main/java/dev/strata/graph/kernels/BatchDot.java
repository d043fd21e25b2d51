package dev.strata.graph.kernels;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras's {@code Dot} op for op: the optional L2 normalization of {@code keras.ops.normalize} and Keras's
 * {@code batch_dot} ({@code keras/src/layers/merging/dot.py}): rank-2 inputs are expanded to rank 3, the
 * contracted axis of {@code x} is moved last and that of {@code y} to axis 1, higher ranks are squashed to rank 3,
 * one batched matmul, then the squashed dimensions are restored and the added axis squeezed.
 */
final class BatchDot {
    /** Keras's {@code 1 / epsilon()}: the largest inverse norm, so a zero vector normalizes to zero. */
    private static final float MAX_INVERSE_NORM = 1e7f;

    private BatchDot() {
    }

    /** The dot product of {@code x} and {@code y} over axes {@code a0} and {@code a1} (batch is 0). */
    static Operand<TFloat32> dot(Ops tf, Operand<TFloat32> x, Operand<TFloat32> y, int a0, int a1, boolean normalize,
                                 String where) {
        if (normalize) {
            x = l2Normalize(tf, x, a0);
            y = l2Normalize(tf, y, a1);
        }
        return batchDot(tf, x, y, a0, a1, where);
    }

    /** {@code x * min(rsqrt(sum(x^2, axis, keepdims)), 1 / epsilon)}, as Keras's order-2 normalize. */
    static Operand<TFloat32> l2Normalize(Ops tf, Operand<TFloat32> x, int axis) {
        Operand<TFloat32> squareSum = tf.reduceSum(tf.math.square(x), tf.constant(axis), ReduceSum.keepDims(true));
        Operand<TFloat32> inverse = tf.math.minimum(tf.math.rsqrt(squareSum), tf.constant(MAX_INVERSE_NORM));
        return tf.math.mul(x, inverse);
    }

    private static Operand<TFloat32> batchDot(Ops tf, Operand<TFloat32> x, Operand<TFloat32> y, int a0, int a1,
                                              String where) {
        int xRank = MergeOps.rank(x, where);
        int yRank = MergeOps.rank(y, where);
        int origX = xRank;
        int origY = yRank;
        if (xRank == 2) {
            x = tf.expandDims(x, tf.constant(1));
            a0 += 1;
            xRank = 3;
        }
        if (yRank == 2) {
            y = tf.expandDims(y, tf.constant(2));
            yRank = 3;
        }
        if (a0 != xRank - 1) {
            int[] perm = new int[xRank];
            for (int i = 0; i < xRank; i++) {
                perm[i] = i < a0 ? i : i + 1;
            }
            perm[xRank - 1] = a0;
            x = tf.linalg.transpose(x, tf.constant(perm));
        }
        if (a1 != 1) {
            int[] perm = new int[yRank];
            for (int i = 0; i < yRank; i++) {
                perm[i] = i == 0 ? 0 : i == 1 ? a1 : i <= a1 ? i - 1 : i;
            }
            y = tf.linalg.transpose(y, tf.constant(perm));
        }
        boolean xSquashed = xRank > 3;
        boolean ySquashed = yRank > 3;
        Operand<TInt32> xMid = xSquashed ? dims(tf, x, 1, xRank - 1) : null;
        Operand<TInt32> yTrail = ySquashed ? dims(tf, y, 2, yRank) : null;
        if (xSquashed) {
            x = tf.reshape(x, concat(tf, dims(tf, x, 0, 1), tf.constant(new int[] {-1}), dims(tf, x, xRank - 1,
                    xRank)));
        }
        if (ySquashed) {
            y = tf.reshape(y, concat(tf, dims(tf, y, 0, 2), tf.constant(new int[] {-1})));
        }
        Operand<TFloat32> result = tf.train.batchMatMul(x, y, TFloat32.class);
        if (xSquashed || ySquashed) {
            result = tf.reshape(result, concat(tf, dims(tf, result, 0, 1),
                    xSquashed ? xMid : dims(tf, result, 1, 2), ySquashed ? yTrail : dims(tf, result, 2, 3)));
        }
        if (origX == 2) {
            result = tf.squeeze(result, Squeeze.axis(1L));
        } else if (origY == 2) {
            result = tf.squeeze(result, Squeeze.axis(-1L));
        }
        return result;
    }

    /** Dimensions {@code [from, to)} of {@code x}: constants where the graph knows them, read at run time else. */
    private static Operand<TInt32> dims(Ops tf, Operand<TFloat32> x, int from, int to) {
        List<Operand<TInt32>> parts = new ArrayList<>();
        Operand<TInt32> shape = null;
        for (int i = from; i < to; i++) {
            long d = x.shape().size(i);
            if (d >= 0) {
                parts.add(tf.constant(new int[] {(int) d}));
            } else {
                shape = shape == null ? tf.shape(x) : shape;
                parts.add(tf.slice(shape, tf.constant(new int[] {i}), tf.constant(new int[] {1})));
            }
        }
        return parts.size() == 1 ? parts.get(0) : tf.concat(parts, tf.constant(0));
    }

    @SafeVarargs
    private static Operand<TInt32> concat(Ops tf, Operand<TInt32>... parts) {
        return tf.concat(List.of(parts), tf.constant(0));
    }
}
