package dev.strata.graph;

import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Keras metrics as batch sums of per-example values. Keras's metric state is a running (sum, count) pair;
 * fetching sums and dividing by the example count at the end reproduces it without rounding a batch mean.
 */
final class MetricOps {
    private MetricOps() {
    }

    static Operand<TFloat32> batchSum(Ops tf, Metric metric, Loss loss, Operand<TFloat32> y, Operand<TFloat32> p) {
        return Penalties.sumAll(tf, perExample(tf, metric.resolve(loss), y, p));
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
            case ACCURACY -> throw new IllegalStateException("accuracy is resolved before building");
        };
    }

    private static Operand<TFloat32> lastAxisMean(Ops tf, Operand<TFloat32> x) {
        return tf.math.mean(x, tf.constant(-1), Mean.keepDims(false));
    }
}
