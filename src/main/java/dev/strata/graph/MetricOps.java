package dev.strata.graph;

import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Cumsum;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Keras metrics as per-batch sums, one block of the packed stats vector per metric. Keras's metric state is a
 * set of running sums (total and count for means, confusion counts for AUC, precision and recall); fetching
 * each batch's contribution and adding the blocks up in Java reproduces that state exactly, so the epoch value
 * is Keras's formula applied to the same sums.
 *
 * <p>Blocks, by metric: a mean metric is one value, the batch sum of its per-example values. {@code AUC} is
 * {@code [tp, fp, tn, fn]}, each {@link Metric#AUC_THRESHOLDS} long; {@code PRECISION} is {@code [tp, fp]} and
 * {@code RECALL} {@code [tp, fn]} at the 0.5 threshold.
 */
public final class MetricOps {
    private MetricOps() {
    }

    /** Length of a metric's block in the stats vectors (for a metric already resolved by loss). */
    public static int statsWidth(Metric resolved) {
        return switch (resolved) {
            case AUC -> 4 * Metric.AUC_THRESHOLDS;
            case PRECISION, RECALL -> 2;
            case ACCURACY -> throw new IllegalStateException("accuracy is resolved before building");
            default -> 1;
        };
    }

    /**
     * The metric's block for one batch: a rank-1 tensor of {@link #statsWidth} values, or, for a mean metric of an
     * output whose mask has the shape of its per-example values, {@code [weighted sum, sum of weights]} as Keras's
     * {@code MeanMetricWrapper} takes the mask for sample weights: per example the mean over the steps of
     * {@code value * mask} and of {@code mask}, summed over the batch. Keras's confusion metrics ignore masks.
     */
    static Block batchStats(Ops tf, Metric metric, Loss loss, Operand<TFloat32> y, Operand<TFloat32> p,
                            Operand<TBool> mask) {
        Metric resolved = metric.resolve(loss);
        return switch (resolved) {
            case AUC -> new Block(auc(tf, y, p), false);
            case PRECISION -> new Block(counts(tf, y, p, false), false);
            case RECALL -> new Block(counts(tf, y, p, true), false);
            default -> {
                Operand<TFloat32> values = perExample(tf, resolved, y, p);
                if (!DataLoss.sameRank(values, mask)) {
                    yield new Block(tf.reshape(Penalties.sumAll(tf, values), tf.constant(new int[] {1})), false);
                }
                Operand<TFloat32> weights = tf.dtypes.cast(mask, TFloat32.class);
                int[] steps = new int[values.shape().numDimensions() - 1];
                for (int i = 0; i < steps.length; i++) {
                    steps[i] = i + 1;
                }
                Operand<TFloat32> total = tf.reduceSum(tf.math.mean(tf.math.mul(values, weights), tf.constant(steps)),
                        tf.constant(0));
                Operand<TFloat32> count = tf.reduceSum(tf.math.mean(weights, tf.constant(steps)), tf.constant(0));
                yield new Block(tf.stack(List.of(total, count)), true);
            }
        };
    }

    /** A metric's stats for one batch; {@code weighted}: {@code [weighted sum, sum of weights]}. */
    record Block(Operand<TFloat32> values, boolean weighted) {
    }

    private static Operand<TFloat32> perExample(Ops tf, Metric metric, Operand<TFloat32> y, Operand<TFloat32> p) {
        return switch (metric) {
            case BINARY_ACCURACY -> {
                Operand<TFloat32> predicted = tf.dtypes.cast(tf.math.greater(p, tf.constant(0.5f)), TFloat32.class);
                yield lastAxisMean(tf, tf.dtypes.cast(tf.math.equal(predicted, y), TFloat32.class));
            }
            case CATEGORICAL_ACCURACY -> tf.dtypes.cast(tf.math.equal(
                    tf.math.argMax(y, tf.constant(-1), TInt64.class),
                    tf.math.argMax(p, tf.constant(-1), TInt64.class)), TFloat32.class);
            case SPARSE_CATEGORICAL_ACCURACY -> tf.dtypes.cast(tf.math.equal(
                    tf.dtypes.cast(tf.reshape(y, tf.constant(new int[] {-1})), TInt64.class),
                    tf.math.argMax(p, tf.constant(-1), TInt64.class)), TFloat32.class);
            case MEAN_ABSOLUTE_ERROR -> lastAxisMean(tf, tf.math.abs(tf.math.sub(y, p)));
            case MEAN_SQUARED_ERROR -> lastAxisMean(tf, tf.math.square(tf.math.sub(y, p)));
            default -> throw new IllegalStateException(metric + " is not a mean metric");
        };
    }

    /**
     * Keras's evenly-spaced-thresholds update ({@code _update_confusion_matrix_variables_optimized}): clip the
     * predictions to [0, 1], put each in bucket {@code max(ceil(p * 199) - 1, 0)}, sum labels per bucket, and
     * count a prediction above threshold i when its bucket is i or higher (a reverse cumulative sum). The
     * first threshold is {@code -epsilon}, the last {@code 1 + epsilon}, so every prediction passes the first
     * and none the last.
     */
    private static Operand<TFloat32> auc(Ops tf, Operand<TFloat32> y, Operand<TFloat32> p) {
        int n = Metric.AUC_THRESHOLDS;
        Operand<TFloat32> positive = flatLabels(tf, y);
        Operand<TFloat32> negative = tf.math.sub(tf.constant(1f), positive);
        Operand<TFloat32> clipped = tf.clipByValue(flat(tf, p), tf.constant(0f), tf.constant(1f));
        Operand<TInt32> bucket = tf.dtypes.cast(tf.nn.relu(tf.math.sub(
                tf.math.ceil(tf.math.mul(clipped, tf.constant((float) (n - 1)))), tf.constant(1f))), TInt32.class);
        Operand<TInt32> buckets = tf.constant(n);
        Operand<TFloat32> tp = tf.math.cumsum(tf.math.unsortedSegmentSum(positive, bucket, buckets),
                tf.constant(0), Cumsum.reverse(true));
        Operand<TFloat32> fp = tf.math.cumsum(tf.math.unsortedSegmentSum(negative, bucket, buckets),
                tf.constant(0), Cumsum.reverse(true));
        Operand<TFloat32> tn = tf.math.sub(tf.reduceSum(negative, tf.constant(0)), fp);
        Operand<TFloat32> fn = tf.math.sub(tf.reduceSum(positive, tf.constant(0)), tp);
        return tf.concat(List.of(tp, fp, tn, fn), tf.constant(0));
    }

    /**
     * Keras's general update at the single threshold 0.5 (a prediction is positive when strictly above it, no
     * clipping): {@code [tp, fn]} for recall, {@code [tp, fp]} for precision.
     */
    private static Operand<TFloat32> counts(Ops tf, Operand<TFloat32> y, Operand<TFloat32> p, boolean recall) {
        Operand<TBool> label = tf.dtypes.cast(flat(tf, y), TBool.class);
        Operand<TBool> predicted = tf.math.greater(flat(tf, p), tf.constant(Metric.DECISION_THRESHOLD));
        Operand<TBool> second = recall
                ? tf.math.logicalAnd(label, tf.math.logicalNot(predicted))
                : tf.math.logicalAnd(tf.math.logicalNot(label), predicted);
        return tf.stack(List.of(count(tf, tf.math.logicalAnd(label, predicted)), count(tf, second)));
    }

    private static Operand<TFloat32> count(Ops tf, Operand<TBool> x) {
        return tf.reduceSum(tf.dtypes.cast(x, TFloat32.class), tf.constant(0));
    }

    /** Targets as Keras's confusion metrics read them: any non-zero value is a positive. */
    private static Operand<TFloat32> flatLabels(Ops tf, Operand<TFloat32> y) {
        return tf.dtypes.cast(tf.dtypes.cast(flat(tf, y), TBool.class), TFloat32.class);
    }

    private static Operand<TFloat32> flat(Ops tf, Operand<TFloat32> x) {
        return tf.reshape(x, tf.constant(new int[] {-1}));
    }

    private static Operand<TFloat32> lastAxisMean(Ops tf, Operand<TFloat32> x) {
        return tf.math.mean(x, tf.constant(-1), Mean.keepDims(false));
    }
}
