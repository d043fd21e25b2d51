package dev.strata.graph;

import dev.strata.spec.Activation;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Keras 3 activation formulas as the TensorFlow backend builds them, op for op, so values and gradients (also at
 * kinks, where TensorFlow picks a subgradient per op) are Keras's. Every op on a gradient path has a gradient in
 * TensorFlow's C++ registry; {@code Erfc} has none and is used only under {@code StopGradient}.
 */
public final class Activations {
    private Activations() {
    }

    /**
     * {@code log_softmax} over the last axis. TensorFlow's C API differentiates {@code LogSoftmax} as if its input
     * were (batch, classes): it sums the upstream gradient over axis 1, so on a sequence (batch, steps, classes) the
     * gradient is wrong (finite differences: off by up to 4.8 on unit inputs; {@code LogSoftmaxGradientTest}).
     * Rows of higher rank go through as one (rows, classes) matrix, which computes the same floats row by row.
     */
    static Operand<TFloat32> logSoftmax(Ops tf, Operand<TFloat32> x) {
        int rank = x.shape().numDimensions();
        if (rank <= 2) {
            return tf.nn.logSoftmax(x);
        }
        Operand<TInt64> shape = tf.shape(x, TInt64.class);
        Operand<TInt64> rows = tf.concat(java.util.List.of(tf.constant(new long[] {-1}),
                tf.slice(shape, tf.constant(new long[] {rank - 1}), tf.constant(new long[] {1}))), tf.constant(0));
        return tf.reshape(tf.nn.logSoftmax(tf.reshape(x, rows)), shape);
    }

    static Operand<TFloat32> apply(Ops tf, Activation a, Operand<TFloat32> x) {
        return switch (a) {
            case LINEAR -> x;
            case RELU -> tf.nn.relu(x);
            case SIGMOID -> tf.math.sigmoid(x);
            case TANH -> tf.math.tanh(x);
            case SOFTMAX -> tf.nn.softmax(x);
            case ELU -> tf.nn.elu(x);
            case SELU -> tf.nn.selu(x);
            case SOFTPLUS -> tf.math.softplus(x);
            case SOFTSIGN -> tf.nn.softsign(x);
            case SILU -> tf.math.mul(x, tf.math.sigmoid(x)); // tf.nn.silu's forward
            case RELU6 -> tf.nn.relu6(x);
            case HARD_SIGMOID -> hardSigmoid(tf, x);
            case HARD_SIGMOID_KERAS2 -> clip(tf, tf.math.add(tf.math.mul(x, f(tf, 0.2)), f(tf, 0.5)), 0, 1);
            case EXPONENTIAL -> tf.math.exp(x);
            case LOG_SOFTMAX -> logSoftmax(tf, x);
            case LEAKY_RELU -> leakyRelu(tf, x, 0.2);
            // max(x, 0) + alpha * expm1(min(x, 0) / alpha), alpha = 1; at 0 both ties pass the gradient: 2.
            case CELU -> tf.math.add(tf.math.maximum(x, f(tf, 0)), tf.math.mul(f(tf, 1),
                    tf.math.expm1(tf.math.div(tf.math.minimum(x, f(tf, 0)), f(tf, 1)))));
            case SQUAREPLUS -> tf.math.div(tf.math.add(x, tf.math.sqrt(tf.math.add(tf.math.square(x), f(tf, 4)))),
                    f(tf, 2));
            case SOFT_SHRINK -> tf.select(tf.math.greater(x, f(tf, 0.5)), tf.math.sub(x, f(tf, 0.5)),
                    tf.select(tf.math.less(x, f(tf, -0.5)), tf.math.add(x, f(tf, 0.5)), f(tf, 0)));
            case SPARSE_PLUS -> tf.select(tf.math.lessEqual(x, f(tf, -1)), f(tf, 0),
                    tf.select(tf.math.less(x, f(tf, 1)),
                            tf.math.mul(f(tf, 0.25), tf.math.pow(tf.math.add(x, f(tf, 1)), f(tf, 2))), x));
            case GELU -> gelu(tf, x);
            case TANH_SHRINK -> tf.math.sub(x, tf.math.tanh(x));
            case SPARSE_SIGMOID -> tf.select(tf.math.lessEqual(x, f(tf, -1)), f(tf, 0),
                    tf.select(tf.math.greaterEqual(x, f(tf, 1)), f(tf, 1),
                            tf.math.mul(f(tf, 0.5), tf.math.add(x, f(tf, 1)))));
            case HARD_SILU -> tf.math.mul(x, hardSigmoid(tf, x));
            case HARD_TANH -> clip(tf, x, -1, 1);
            case HARD_SHRINK -> tf.select(tf.math.greater(tf.math.abs(x), f(tf, 0.5)), x, f(tf, 0));
            case MISH -> tf.math.mul(x, tf.math.tanh(tf.math.softplus(x)));
            case LOG_SIGMOID -> tf.math.neg(tf.math.softplus(tf.math.neg(x)));
        };
    }

    /** Keras 3: {@code relu6(x + 3) / 6}. */
    private static Operand<TFloat32> hardSigmoid(Ops tf, Operand<TFloat32> x) {
        return tf.math.div(tf.nn.relu6(tf.math.add(x, f(tf, 3))), f(tf, 6));
    }

    /**
     * tf.nn.gelu(approximate=False): {@code 0.5 * x * erfc(-x / sqrt(2))}. Erfc has no C++ gradient, so its value
     * is taken under StopGradient and {@code 1 + erf(x / sqrt(2))} carries the gradient with a term that is
     * exactly 0 in value: the output is TensorFlow's to the bit, and the gradient is erfc's.
     */
    private static Operand<TFloat32> gelu(Ops tf, Operand<TFloat32> x) {
        Operand<TFloat32> c = f(tf, 0.7071067811865476);
        Operand<TFloat32> erfc = tf.stopGradient(tf.math.erfc(tf.math.mul(tf.math.neg(x), c)));
        Operand<TFloat32> viaErf = tf.math.add(f(tf, 1), tf.math.erf(tf.math.mul(x, c)));
        Operand<TFloat32> value = tf.math.add(erfc, tf.math.sub(viaErf, tf.stopGradient(viaErf)));
        return tf.math.mul(tf.math.mul(f(tf, 0.5), x), value);
    }

    /** tf.nn.leaky_relu: the LeakyRelu op, its slope a float attribute. */
    public static Operand<TFloat32> leakyRelu(Ops tf, Operand<TFloat32> x, double negativeSlope) {
        return tf.nn.leakyRelu(x, LeakyRelu.alpha((float) negativeSlope));
    }

    /** tf.clip_by_value as TensorFlow 2.18 builds it: {@code maximum(minimum(x, hi), lo)}. */
    public static Operand<TFloat32> clip(Ops tf, Operand<TFloat32> x, double lo, double hi) {
        return tf.math.maximum(tf.math.minimum(x, f(tf, hi)), f(tf, lo));
    }

    /**
     * Keras 3's {@code relu(x, negative_slope, max_value, threshold)} (activations.ReLU.static_call), branch for
     * branch: LeakyRelu when only a slope is set, Relu6 for a cap of exactly 6 without threshold.
     */
    public static Operand<TFloat32> relu(Ops tf, Operand<TFloat32> x, double negativeSlope, Double maxValue,
                                         double threshold) {
        Operand<TFloat32> negativePart = null;
        if (negativeSlope != 0) {
            if (maxValue == null && threshold == 0) {
                return leakyRelu(tf, x, negativeSlope);
            }
            negativePart = threshold != 0 ? tf.nn.relu(tf.math.add(tf.math.neg(x), f(tf, threshold)))
                    : tf.nn.relu(tf.math.neg(x));
        }
        boolean clipMax = maxValue != null;
        Operand<TFloat32> y;
        if (threshold != 0) {
            y = tf.select(tf.math.greater(x, f(tf, threshold)), x, f(tf, 0));
        } else if (maxValue != null && maxValue == 6) {
            y = tf.nn.relu6(x);
            clipMax = false;
        } else {
            y = tf.nn.relu(x);
        }
        if (clipMax) {
            y = clip(tf, y, 0, maxValue);
        }
        if (negativePart != null) {
            y = tf.math.sub(y, tf.math.mul(f(tf, negativeSlope), negativePart));
        }
        return y;
    }

    /** Keras 3's {@code elu(x, alpha)}: the Elu op, and {@code where(x > 0, elu, alpha * elu)} for alpha != 1. */
    public static Operand<TFloat32> elu(Ops tf, Operand<TFloat32> x, double alpha) {
        Operand<TFloat32> res = tf.nn.elu(x);
        if (alpha == 1) {
            return res;
        }
        return tf.select(tf.math.greater(x, f(tf, 0)), res, tf.math.mul(f(tf, alpha), res));
    }

    /** A float32 scalar, converted from double as Python converts a float literal. */
    private static Operand<TFloat32> f(Ops tf, double v) {
        return tf.constant((float) v);
    }
}
