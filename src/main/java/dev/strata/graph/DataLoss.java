package dev.strata.graph;

import dev.strata.spec.Activation;
import dev.strata.spec.Loss;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras 3 losses (TensorFlow backend) with {@code sum_over_batch_size} reduction. The sparse crossentropy
 * is written with one-hot and log-softmax because TensorFlow's fused sparse op has no gradient in the C API.
 */
final class DataLoss {
    /** Keras {@code backend.epsilon()}. */
    static final float EPSILON = 1e-7f;

    private DataLoss() {
    }

    /** Per-example losses, shape (batch, ...) without the last axis. */
    static Operand<TFloat32> perExample(Ops tf, Loss loss, Flow output, Operand<TFloat32> target, int classes) {
        Operand<TFloat32> p = output.value();
        if (loss instanceof Loss.MeanSquaredError) {
            return lastAxisMean(tf, tf.math.square(tf.math.sub(target, p)));
        }
        if (loss instanceof Loss.MeanAbsoluteError) {
            return lastAxisMean(tf, tf.math.abs(tf.math.sub(target, p)));
        }
        if (loss instanceof Loss.BinaryCrossentropy b) {
            Operand<TFloat32> y = b.labelSmoothing() > 0
                    ? tf.math.add(tf.math.mul(target, tf.constant((float) (1 - b.labelSmoothing()))),
                            tf.constant((float) (0.5 * b.labelSmoothing())))
                    : target;
            Operand<TFloat32> logits = b.fromLogits() ? p
                    : output.logitsOf() == Activation.SIGMOID ? output.logits() : null;
            return lastAxisMean(tf, logits != null ? sigmoidCrossentropy(tf, y, logits) : binaryFromProbabilities(tf, y, p));
        }
        if (loss instanceof Loss.CategoricalCrossentropy c) {
            Operand<TFloat32> y = c.labelSmoothing() > 0
                    ? tf.math.add(tf.math.mul(target, tf.constant((float) (1 - c.labelSmoothing()))),
                            tf.constant((float) (c.labelSmoothing() / classes)))
                    : target;
            Operand<TFloat32> logits = c.fromLogits() ? p
                    : output.logitsOf() == Activation.SOFTMAX ? output.logits() : null;
            if (logits != null) {
                return tf.math.neg(lastAxisSum(tf, tf.math.mul(y, tf.nn.logSoftmax(logits))));
            }
            Operand<TFloat32> normalised = tf.math.div(p, tf.reduceSum(p, tf.constant(-1), ReduceSum.keepDims(true)));
            return tf.math.neg(lastAxisSum(tf, tf.math.mul(y, tf.math.log(clip(tf, normalised)))));
        }
        Loss.SparseCategoricalCrossentropy s = (Loss.SparseCategoricalCrossentropy) loss;
        Operand<TInt32> labels = tf.dtypes.cast(tf.reshape(target, tf.constant(new int[] {-1})), TInt32.class);
        Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(classes), tf.constant(1f), tf.constant(0f));
        Operand<TFloat32> logits = s.fromLogits() ? p
                : output.logitsOf() == Activation.SOFTMAX ? output.logits()
                // Keras 3 feeds log(clip(p)) to the sparse softmax crossentropy as logits.
                : tf.math.log(clip(tf, p));
        return tf.math.neg(lastAxisSum(tf, tf.math.mul(oneHot, tf.nn.logSoftmax(logits))));
    }

    /** {@code sum_over_batch_size}: the mean of the per-example losses. */
    static Operand<TFloat32> reduce(Ops tf, Operand<TFloat32> perExample) {
        return meanAll(tf, perExample);
    }

    /**
     * TensorFlow's {@code sigmoid_cross_entropy_with_logits}, op for op: {@code max(z, 0) - z * y + log1p(exp(-|z|))}
     * with max and abs written as selects on {@code z >= 0}. Written with Maximum and Abs instead, the value is
     * the same but at z exactly 0 (a zero-initialized output layer) TensorFlow differentiates Maximum as 1 and
     * Abs as 0, giving {@code 1 - y} where the derivative is {@code sigmoid(0) - y = 0.5 - y}; the selects pass
     * the gradient of the z >= 0 branch to both terms, which adds up to 0.5 - y.
     */
    static Operand<TFloat32> sigmoidCrossentropy(Ops tf, Operand<TFloat32> y, Operand<TFloat32> z) {
        Operand<TFloat32> zeros = tf.zerosLike(z);
        Operand<TBool> nonNegative = tf.math.greaterEqual(z, zeros);
        Operand<TFloat32> reluLogits = tf.select(nonNegative, z, zeros);
        Operand<TFloat32> negAbsLogits = tf.select(nonNegative, tf.math.neg(z), z);
        return tf.math.add(tf.math.sub(reluLogits, tf.math.mul(z, y)), tf.math.log1p(tf.math.exp(negAbsLogits)));
    }

    private static Operand<TFloat32> binaryFromProbabilities(Ops tf, Operand<TFloat32> y, Operand<TFloat32> p) {
        Operand<TFloat32> q = clip(tf, p);
        Operand<TFloat32> one = tf.constant(1f);
        Operand<TFloat32> bce = tf.math.add(tf.math.mul(y, tf.math.log(q)),
                tf.math.mul(tf.math.sub(one, y), tf.math.log(tf.math.sub(one, q))));
        return tf.math.neg(bce);
    }

    private static Operand<TFloat32> clip(Ops tf, Operand<TFloat32> p) {
        return tf.math.minimum(tf.math.maximum(p, tf.constant(EPSILON)), tf.constant(1f - EPSILON));
    }

    private static Operand<TFloat32> lastAxisMean(Ops tf, Operand<TFloat32> x) {
        return tf.math.mean(x, tf.constant(-1), Mean.keepDims(false));
    }

    private static Operand<TFloat32> lastAxisSum(Ops tf, Operand<TFloat32> x) {
        return tf.reduceSum(x, tf.constant(-1), ReduceSum.keepDims(false));
    }

    static Operand<TFloat32> meanAll(Ops tf, Operand<TFloat32> x) {
        int rank = x.shape().numDimensions();
        int[] axes = new int[Math.max(rank, 0)];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i;
        }
        return tf.math.mean(x, tf.constant(axes), Mean.keepDims(false));
    }
}
