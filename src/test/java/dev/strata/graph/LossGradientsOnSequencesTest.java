package dev.strata.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.Activation;
import dev.strata.spec.Loss;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Every loss's gradient on a sequence output (batch, steps, classes) against central finite differences, with and
 * without a mask. TensorFlow's C API gradients are written for the shapes its Python layer feeds them; one of them
 * ({@code LogSoftmax}) assumed two axes, and the per-layer harness, which checks layers, did not see it. The
 * crossentropies are checked from logits (a softmax or sigmoid output caches them, as Keras) and from
 * probabilities; inputs stay away from every kink.
 */
class LossGradientsOnSequencesTest {
    private static final long[] SHAPE = {2, 3, 4};
    private static final int N = 24;

    private static Loss loss(String name) {
        return switch (name) {
            case "mse" -> Loss.meanSquaredError();
            case "mae" -> Loss.meanAbsoluteError();
            case "mape" -> Loss.meanAbsolutePercentageError();
            case "msle" -> Loss.meanSquaredLogarithmicError();
            case "huber" -> Loss.huber(0.5);
            case "log_cosh" -> Loss.logCosh();
            case "poisson" -> Loss.poisson();
            case "kld" -> Loss.klDivergence();
            case "cosine" -> Loss.cosineSimilarity();
            case "hinge" -> Loss.hinge();
            case "squared_hinge" -> Loss.squaredHinge();
            case "categorical_hinge" -> Loss.categoricalHinge();
            case "bce", "bce_logits_cached" -> Loss.binaryCrossentropy();
            case "bce_from_logits" -> Loss.binaryCrossentropy().fromLogits(true);
            case "focal" -> Loss.binaryFocalCrossentropy();
            case "cce", "cce_logits_cached" -> Loss.categoricalCrossentropy();
            case "cce_from_logits" -> Loss.categoricalCrossentropy().fromLogits(true);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"mse", "mae", "mape", "msle", "huber", "log_cosh", "poisson", "kld", "cosine", "hinge",
        "squared_hinge", "categorical_hinge", "bce", "bce_logits_cached", "bce_from_logits", "focal", "cce",
        "cce_logits_cached", "cce_from_logits"})
    void gradientOnASequenceOutputMatchesFiniteDifferences(String name) {
        for (boolean masked : new boolean[] {false, true}) {
            double[] worst = check(name, masked);
            assertTrue(worst[0] <= 2e-3 + 2e-3 * worst[1], name + (masked ? " masked" : "") + ": gradient off by "
                    + worst[0] + " (largest " + worst[1] + ")");
        }
    }

    /** Largest |analytic - finite difference| over the inputs, and the largest analytic value. */
    private static double[] check(String name, boolean masked) {
        Loss loss = loss(name);
        SplittableRandom rng = new SplittableRandom(name.hashCode());
        float[] x = new float[N];
        float[] y = new float[N];
        for (int i = 0; i < N; i++) {
            // away from 0 and from the hinge margin, so no kink is within H of an input
            x[i] = (float) ((rng.nextBoolean() ? 1 : -1) * rng.nextDouble(0.2, 0.8));
            y[i] = name.contains("hinge") ? (rng.nextBoolean() ? 1 : -1)
                    : name.startsWith("cce") || name.equals("categorical_hinge") ? (i % 4 == i / 4 % 4 ? 1 : 0)
                    : (float) rng.nextDouble(0.1, 0.9);
            // and away from the kinks of the error: 0 (mae, mape) and Huber's delta 0.5
            while (Math.abs(x[i] - y[i]) < 0.05 || Math.abs(Math.abs(x[i] - y[i]) - 0.5) < 0.05) {
                x[i] += 0.07f;
            }
        }
        return FiniteDifferences.check(SHAPE, x, (tf, in) -> {
            Operand<TFloat32> perExample = DataLoss.perExample(tf, loss, output(tf, name, in),
                    tf.reshape(tf.constant(y), tf.constant(SHAPE)), 4);
            return masked ? DataLoss.reduce(tf, loss, perExample, tf.constant(new boolean[][] {{true, true, false},
                {true, false, false}})) : DataLoss.reduce(tf, loss, perExample);
        });
    }

    /**
     * The model output the loss sees: a softmax or sigmoid of the input carrying its logits for the
     * {@code *_logits_cached} cases, the input as probabilities (a softmax, or squashed into (0, 1)) for the other
     * crossentropies, and the input itself otherwise.
     */
    private static Flow output(Ops tf, String name, Operand<TFloat32> x) {
        return switch (name) {
            case "cce_logits_cached" -> new Flow(tf.nn.softmax(x), x, Activation.SOFTMAX, null);
            case "bce_logits_cached" -> new Flow(tf.math.sigmoid(x), x, Activation.SIGMOID, null);
            case "cce", "kld" -> Flow.of(tf.nn.softmax(x));
            case "bce", "focal", "poisson", "msle" -> Flow.of(tf.math.sigmoid(x));
            default -> Flow.of(x);
        };
    }
}
