package dev.strata.graph;

import static dev.strata.graph.DataLoss.EPSILON;
import static dev.strata.graph.DataLoss.lastAxisMean;
import static dev.strata.graph.DataLoss.lastAxisSum;

import dev.strata.spec.Loss;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceMax;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The Keras 3 losses that compare target and prediction value by value (regression and margin losses), written
 * as {@code keras/src/losses/losses.py} composes them on the TensorFlow backend: the same ops in the same order,
 * so that values agree to float32 rounding and gradients at kinks are Keras's (Maximum passes the gradient to its
 * first argument on a tie, Abs has gradient 0 at 0, a max over an axis shares it among tied entries).
 */
final class PointwiseLosses {
    private PointwiseLosses() {
    }

    static Operand<TFloat32> perExample(Ops tf, Loss loss, Operand<TFloat32> p, Operand<TFloat32> y) {
        if (loss instanceof Loss.MeanSquaredError) {
            return lastAxisMean(tf, tf.math.square(tf.math.sub(y, p)));
        }
        if (loss instanceof Loss.MeanAbsoluteError) {
            return lastAxisMean(tf, tf.math.abs(tf.math.sub(y, p)));
        }
        if (loss instanceof Loss.MeanAbsolutePercentageError) {
            Operand<TFloat32> diff = tf.math.abs(tf.math.div(tf.math.sub(y, p),
                    tf.math.maximum(tf.math.abs(y), f(tf, EPSILON))));
            return tf.math.mul(f(tf, 100), lastAxisMean(tf, diff));
        }
        if (loss instanceof Loss.MeanSquaredLogarithmicError) {
            Operand<TFloat32> first = tf.math.log(tf.math.add(tf.math.maximum(p, f(tf, EPSILON)), f(tf, 1)));
            Operand<TFloat32> second = tf.math.log(tf.math.add(tf.math.maximum(y, f(tf, EPSILON)), f(tf, 1)));
            return lastAxisMean(tf, tf.math.square(tf.math.sub(first, second)));
        }
        if (loss instanceof Loss.Huber h) {
            return huber(tf, p, y, h.delta());
        }
        if (loss instanceof Loss.LogCosh) {
            // Keras: x + softplus(-2x) - log(2), x = p - y; log(2) taken in float32 as Keras does.
            Operand<TFloat32> x = tf.math.sub(p, y);
            Operand<TFloat32> log2 = tf.math.log(f(tf, 2));
            return lastAxisMean(tf, tf.math.sub(tf.math.add(x, tf.math.softplus(tf.math.mul(x, f(tf, -2)))), log2));
        }
        if (loss instanceof Loss.Poisson) {
            return lastAxisMean(tf, tf.math.sub(p, tf.math.mul(y, tf.math.log(tf.math.add(p, f(tf, EPSILON))))));
        }
        if (loss instanceof Loss.KLDivergence) {
            Operand<TFloat32> yc = Activations.clip(tf, y, EPSILON, 1);
            Operand<TFloat32> pc = Activations.clip(tf, p, EPSILON, 1);
            return lastAxisSum(tf, tf.math.mul(yc, tf.math.log(tf.math.div(yc, pc))));
        }
        if (loss instanceof Loss.CosineSimilarity c) {
            Operand<TInt32> axis = tf.constant(c.axis());
            return tf.math.neg(tf.reduceSum(tf.math.mul(normalize(tf, y, axis), normalize(tf, p, axis)), axis,
                    ReduceSum.keepDims(false)));
        }
        if (loss instanceof Loss.Hinge) {
            return lastAxisMean(tf, margin(tf, hingeLabels(tf, y), p));
        }
        if (loss instanceof Loss.SquaredHinge) {
            return lastAxisMean(tf, tf.math.square(margin(tf, hingeLabels(tf, y), p)));
        }
        if (loss instanceof Loss.CategoricalHinge) {
            Operand<TFloat32> pos = lastAxisSum(tf, tf.math.mul(y, p));
            Operand<TFloat32> neg = tf.reduceMax(tf.math.mul(tf.math.sub(f(tf, 1), y), p), tf.constant(-1),
                    ReduceMax.keepDims(false));
            return tf.math.maximum(tf.math.add(tf.math.sub(neg, pos), f(tf, 1)), f(tf, 0));
        }
        throw new IllegalStateException("no graph for loss " + loss.className());
    }

    /** Keras: {@code where(|e| <= delta, 0.5 e^2, delta |e| - 0.5 delta^2)}, e = p - y, delta a float32 tensor. */
    private static Operand<TFloat32> huber(Ops tf, Operand<TFloat32> p, Operand<TFloat32> y, double delta) {
        Operand<TFloat32> d = f(tf, delta);
        Operand<TFloat32> half = f(tf, 0.5);
        Operand<TFloat32> error = tf.math.sub(p, y);
        Operand<TFloat32> absError = tf.math.abs(error);
        Operand<TFloat32> quadratic = tf.math.mul(half, tf.math.square(error));
        Operand<TFloat32> linear = tf.math.sub(tf.math.mul(d, absError), tf.math.mul(half, tf.math.square(d)));
        return lastAxisMean(tf, tf.select(tf.math.lessEqual(absError, d), quadratic, linear));
    }

    /** {@code maximum(1 - y * p, 0)}, the hinge with Keras's argument order (a tie passes the gradient). */
    private static Operand<TFloat32> margin(Ops tf, Operand<TFloat32> y, Operand<TFloat32> p) {
        return tf.math.maximum(tf.math.sub(f(tf, 1), tf.math.mul(y, p)), f(tf, 0));
    }

    /**
     * Keras's {@code convert_binary_labels_to_hinge}: when every target of the batch is 0 or 1 they become -1 and 1
     * ({@code 2y - 1}); otherwise they are taken as given. Keras decides per batch with a cond; a select on the
     * batch-wide test gives the same values.
     */
    private static Operand<TFloat32> hingeLabels(Ops tf, Operand<TFloat32> y) {
        Operand<TBool> binary = tf.reduceAll(tf.math.logicalOr(tf.math.equal(y, f(tf, 0)), tf.math.equal(y, f(tf, 1))),
                allAxes(tf, y));
        return tf.select(binary, tf.math.sub(tf.math.mul(f(tf, 2), y), f(tf, 1)), y);
    }

    /**
     * Keras's {@code normalize(x, axis)} of order 2: {@code x * minimum(rsqrt(sum(x^2, axis)), 1 / epsilon)}; the cap
     * makes a zero vector normalize to zero (with a gradient of 1e7, as in Keras).
     */
    private static Operand<TFloat32> normalize(Ops tf, Operand<TFloat32> x, Operand<TInt32> axis) {
        Operand<TFloat32> squareSum = tf.reduceSum(tf.math.square(x), axis, ReduceSum.keepDims(true));
        Operand<TFloat32> invNorm = tf.math.minimum(tf.math.rsqrt(squareSum), f(tf, 1.0 / 1e-7));
        return tf.math.mul(x, invNorm);
    }

    private static Operand<TInt32> allAxes(Ops tf, Operand<TFloat32> x) {
        return tf.range(tf.constant(0), tf.rank(x), tf.constant(1));
    }

    /** A float32 scalar, converted from double as Python converts a float literal. */
    private static Operand<TFloat32> f(Ops tf, double v) {
        return tf.constant((float) v);
    }
}
