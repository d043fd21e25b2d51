package dev.strata.graph;

import dev.strata.spec.Activation;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras 3 activation formulas as TensorFlow ops; each has a gradient in TensorFlow's C++ registry. */
final class Activations {
    private Activations() {
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
            case SILU -> tf.math.mul(x, tf.math.sigmoid(x));
            case RELU6 -> tf.nn.relu6(x);
            // Keras 3: relu6(x + 3) / 6
            case HARD_SIGMOID -> tf.math.div(tf.nn.relu6(tf.math.add(x, tf.constant(3f))), tf.constant(6f));
            case EXPONENTIAL -> tf.math.exp(x);
            case LOG_SOFTMAX -> tf.nn.logSoftmax(x);
        };
    }
}
