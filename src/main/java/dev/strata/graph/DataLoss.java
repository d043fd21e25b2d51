package dev.strata.graph;

import dev.strata.spec.Activation;
import dev.strata.spec.Loss;
import dev.strata.spec.Reduction;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras 3 losses as its TensorFlow backend builds them, op for op, so that values and gradients (also at kinks, where
 * TensorFlow picks a subgradient per op) are Keras's. This class holds the crossentropies, which Keras 3 scores
 * from the cached logits of a softmax or sigmoid output; {@link PointwiseLosses} the others. The sparse
 * crossentropy is written with one-hot and log-softmax because TensorFlow's fused sparse op has no gradient in the
 * C API.
 */
final class DataLoss {
    /** Keras {@code backend.epsilon()}. */
    static final float EPSILON = 1e-7f;

    private DataLoss() {
    }

    /** Per-example losses, shape (batch, ...) without the last axis (or without {@code axis} for a cosine). */
    static Operand<TFloat32> perExample(Ops tf, Loss loss, Flow output, Operand<TFloat32> target, int classes) {
        Operand<TFloat32> p = output.value();
        if (loss instanceof Loss.BinaryCrossentropy b) {
            Operand<TFloat32> y = binarySmoothing(tf, target, b.labelSmoothing());
            Operand<TFloat32> logits = b.fromLogits() ? p : sigmoidLogits(output);
            return lastAxisMean(tf, logits != null ? sigmoidCrossentropy(tf, y, logits)
                    : binaryFromProbabilities(tf, y, p));
        }
        if (loss instanceof Loss.BinaryFocalCrossentropy f) {
            return focal(tf, f, output, target);
        }
        if (loss instanceof Loss.CategoricalCrossentropy c) {
            // Keras: label_smoothing / num_classes, a float32 division.
            Operand<TFloat32> y = c.labelSmoothing() > 0
                    ? tf.math.add(tf.math.mul(target, tf.constant((float) (1 - c.labelSmoothing()))),
                            tf.math.div(tf.constant((float) c.labelSmoothing()), tf.constant((float) classes)))
                    : target;
            Operand<TFloat32> logits = c.fromLogits() ? p
                    : output.logitsOf() == Activation.SOFTMAX ? output.logits() : null;
            if (logits != null) {
                return tf.math.neg(lastAxisSum(tf, tf.math.mul(y, Activations.logSoftmax(tf, logits))));
            }
            Operand<TFloat32> normalised = tf.math.div(p, tf.reduceSum(p, tf.constant(-1), ReduceSum.keepDims(true)));
            return tf.math.neg(lastAxisSum(tf, tf.math.mul(y, tf.math.log(clip(tf, normalised)))));
        }
        if (loss instanceof Loss.SparseCategoricalCrossentropy s) {
            Operand<TInt32> labels = tf.dtypes.cast(tf.reshape(target, tf.constant(new int[] {-1})), TInt32.class);
            Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(classes), tf.constant(1f), tf.constant(0f));
            Operand<TFloat32> logits = s.fromLogits() ? p
                    : output.logitsOf() == Activation.SOFTMAX ? output.logits()
                    // Keras 3 feeds log(clip(p)) to the sparse softmax crossentropy as logits.
                    : tf.math.log(clip(tf, p));
            return tf.math.neg(lastAxisSum(tf, tf.math.mul(oneHot, Activations.logSoftmax(tf, logits))));
        }
        return PointwiseLosses.perExample(tf, loss, p, target);
    }

    /**
     * The loss of the batch from the per-example values: their sum for {@code sum}, else their mean (Keras's
     * {@code sum_over_batch_size}, {@code mean}, and {@code mean_with_sample_weight} without sample weights).
     */
    static Operand<TFloat32> reduce(Ops tf, Loss loss, Operand<TFloat32> perExample) {
        return loss.reduction().sums() ? tf.reduceSum(perExample, allAxes(tf, perExample)) : meanAll(tf, perExample);
    }

    /**
     * The loss of a batch whose output carries a mask of the per-example values' shape (a sequence output after
     * {@code Embedding(mask_zero=True)}), as Keras 3's {@code reduce_weighted_values} weighs it: for
     * {@code sum_over_batch_size} and {@code mean} a valid step weighs {@code divide_no_nan(total, valid)} and a masked
     * one 0, the weighted sum then divided by the total count (the mean over the valid steps); for {@code sum} the
     * mask as 0/1; for {@code mean_with_sample_weight} the 0/1 weighted sum over the mask's sum. Without a mask of
     * that shape, {@link #reduce(Ops, Loss, Operand)}.
     */
    static Operand<TFloat32> reduce(Ops tf, Loss loss, Operand<TFloat32> perExample, Operand<TBool> mask) {
        if (!sameRank(perExample, mask)) {
            return reduce(tf, loss, perExample);
        }
        Reduction r = loss.reduction();
        Operand<TFloat32> ones = tf.dtypes.cast(mask, TFloat32.class);
        Operand<TFloat32> total = tf.dtypes.cast(tf.reduceProd(tf.shape(perExample), tf.constant(0)), TFloat32.class);
        Operand<TFloat32> weights = ones;
        if (r == Reduction.SUM_OVER_BATCH_SIZE || r == Reduction.MEAN) {
            Operand<TFloat32> valid = tf.reduceSum(ones, allAxes(tf, ones));
            weights = tf.select(mask, tf.fill(tf.shape(ones), tf.math.divNoNan(total, valid)), tf.zerosLike(ones));
        }
        Operand<TFloat32> sum = tf.reduceSum(tf.math.mul(perExample, weights), allAxes(tf, perExample));
        if (r == Reduction.SUM) {
            return sum;
        }
        return tf.math.divNoNan(sum, r == Reduction.MEAN_WITH_SAMPLE_WEIGHT
                ? tf.reduceSum(weights, allAxes(tf, weights)) : total);
    }

    /** Whether a mask weighs these per-example values: both known, of one rank (batch, steps). */
    static boolean sameRank(Operand<TFloat32> values, Operand<TBool> mask) {
        return mask != null && values.shape().numDimensions() == mask.shape().numDimensions();
    }

    /** The logits behind a sigmoid output (Keras's {@code _keras_logits}), or null. */
    private static Operand<TFloat32> sigmoidLogits(Flow output) {
        return output.logitsOf() == Activation.SIGMOID ? output.logits() : null;
    }

    /** Keras's binary label smoothing: {@code y * (1 - s) + 0.5 * s}, each factor a float32 constant. */
    private static Operand<TFloat32> binarySmoothing(Ops tf, Operand<TFloat32> target, double s) {
        return s > 0 ? tf.math.add(tf.math.mul(target, tf.constant((float) (1 - s))), tf.constant((float) (0.5 * s)))
                : target;
    }

    /**
     * Keras 3's {@code binary_focal_crossentropy}: binary crossentropy (from the logits when there are any, as its
     * {@code ops.binary_crossentropy} finds them on a sigmoid output) times {@code (1 - p_t)^gamma}, {@code p_t}
     * taken from the probabilities; with {@code from_logits} the probabilities are the sigmoid of the output.
     */
    private static Operand<TFloat32> focal(Ops tf, Loss.BinaryFocalCrossentropy f, Flow output,
                                           Operand<TFloat32> target) {
        Operand<TFloat32> y = binarySmoothing(tf, target, f.labelSmoothing());
        Operand<TFloat32> logits = f.fromLogits() ? output.value() : sigmoidLogits(output);
        Operand<TFloat32> p = f.fromLogits() ? tf.math.sigmoid(output.value()) : output.value();
        Operand<TFloat32> bce = logits != null ? sigmoidCrossentropy(tf, y, logits) : binaryFromProbabilities(tf, y, p);
        Operand<TFloat32> one = tf.constant(1f);
        Operand<TFloat32> oneMinusY = tf.math.sub(one, y);
        Operand<TFloat32> pT = tf.math.add(tf.math.mul(y, p), tf.math.mul(oneMinusY, tf.math.sub(one, p)));
        Operand<TFloat32> focalBce = tf.math.mul(tf.math.pow(tf.math.sub(one, pT), tf.constant((float) f.gamma())),
                bce);
        if (f.applyClassBalancing()) {
            Operand<TFloat32> weight = tf.math.add(tf.math.mul(y, tf.constant((float) f.alpha())),
                    tf.math.mul(oneMinusY, tf.constant((float) (1 - f.alpha()))));
            focalBce = tf.math.mul(weight, focalBce);
        }
        return lastAxisMean(tf, focalBce);
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

    /** {@code tf.clip_by_value(p, epsilon, 1 - epsilon)}, in TensorFlow's op order. */
    private static Operand<TFloat32> clip(Ops tf, Operand<TFloat32> p) {
        return Activations.clip(tf, p, EPSILON, 1f - EPSILON);
    }

    static Operand<TFloat32> lastAxisMean(Ops tf, Operand<TFloat32> x) {
        return tf.math.mean(x, tf.constant(-1), Mean.keepDims(false));
    }

    static Operand<TFloat32> lastAxisSum(Ops tf, Operand<TFloat32> x) {
        return tf.reduceSum(x, tf.constant(-1), ReduceSum.keepDims(false));
    }

    static Operand<TFloat32> meanAll(Ops tf, Operand<TFloat32> x) {
        return tf.math.mean(x, allAxes(tf, x), Mean.keepDims(false));
    }

    private static Operand<TInt32> allAxes(Ops tf, Operand<TFloat32> x) {
        int rank = x.shape().numDimensions();
        int[] axes = new int[Math.max(rank, 0)];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i;
        }
        return tf.constant(axes);
    }
}
