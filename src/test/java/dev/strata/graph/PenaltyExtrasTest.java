package dev.strata.graph;

import static dev.strata.spec.Regularizers.l1;
import static dev.strata.spec.Regularizers.l2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.Activation;
import dev.strata.spec.CustomRegularizer;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Loss;
import dev.strata.spec.ModelPenalty;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Regularizers;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.testing.Fixtures;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import dev.strata.train.RegularizationValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Model-level penalties, custom penalties, and activity penalties over an epoch with a short last batch. */
class PenaltyExtrasTest {
    private static final float[][] W1 = {{0.5f, -1.5f}, {0.25f, 2.0f}};
    private static final float[] B1 = {0.3f, -0.6f};
    private static final float[][] W2 = {{1.5f}, {-0.25f}};
    private static final float[] B2 = {-0.2f};

    private static WeightSet weights() {
        return Fixtures.weights("dense/kernel", W1, "dense/bias", B1, "dense_1/kernel", W2, "dense_1/bias", B2);
    }

    private static double sumSq(float[]... parts) {
        double s = 0;
        for (float[] p : parts) {
            for (float v : p) {
                s += (double) v * v;
            }
        }
        return s;
    }

    @Test
    void modelPenaltyCoversEveryTrainableWeightWithOneNamedTermEach() {
        Sequential spec = Sequential.create().input(2).add(Dense.units(2).activation(Activation.RELU))
                .add(Dense.units(1)).penalty(l2(0.01));
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(), Loss.meanSquaredError()))) {
            m.setWeights(weights());
            List<RegularizationValue> terms = m.losses();
            assertEquals(List.of("model_penalty/dense/kernel", "model_penalty/dense/bias",
                    "model_penalty/dense_1/kernel", "model_penalty/dense_1/bias"),
                    terms.stream().map(RegularizationValue::name).toList());
            double total = terms.stream().mapToDouble(RegularizationValue::value).sum();
            double expected = 0.01 * sumSq(W1[0], W1[1], B1, W2[0], W2[1], B2);
            assertTrue(Fixtures.close(expected, total, 1e-6), expected + " vs " + total);
        }
    }

    @Test
    void modelPenaltyCanLeaveBiasesAndFrozenLayersOut() {
        Sequential spec = Sequential.create().input(2).add(Dense.units(2).activation(Activation.RELU).trainable(false))
                .add(Dense.units(1)).penalty(ModelPenalty.of(l1(0.1)).withoutBiases());
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(), Loss.meanSquaredError()))) {
            m.setWeights(weights());
            List<RegularizationValue> terms = m.losses();
            assertEquals(1, terms.size(), terms.toString());
            assertEquals("model_penalty/dense_1/kernel", terms.get(0).name());
            assertTrue(Fixtures.close(0.1 * (1.5 + 0.25), terms.get(0).value(), 1e-6));
        }
    }

    @Test
    void customPenaltyRegisteredFromJavaIsComputedAndTrained() {
        Penalties.register("test>quartic", (tf, w, config) -> tf.math.mul(tf.constant(config.get("k").floatValue()),
                Penalties.sumAll(tf, tf.math.square(tf.math.square(w)))));
        assertTrue(CustomRegularizer.isRegistered("test>quartic"));
        Sequential spec = Sequential.create().input(2)
                .add(Dense.units(2).activation(Activation.RELU)
                        .kernelRegularizer(Regularizers.custom("test>quartic", Map.of("k", 0.5))))
                .add(Dense.units(1));
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(0.05), Loss.meanSquaredError()))) {
            m.setWeights(weights());
            double expected = 0;
            for (float[] row : W1) {
                for (float v : row) {
                    expected += Math.pow(v, 4);
                }
            }
            assertTrue(Fixtures.close(0.5 * expected, m.losses().get(0).value(), 1e-6));
            float[][] x = Fixtures.uniform(20, 2, 8);
            History h = m.fit(x, Fixtures.uniform(20, 1, 9), FitOptions.epochs(10).batchSize(5).quiet());
            double[] reg = h.get("regularization_loss");
            assertTrue(reg[reg.length - 1] < reg[0], "the quartic penalty must shrink the kernel: "
                    + java.util.Arrays.toString(reg));
        }
    }

    @Test
    void unregisteredCustomNamesAreRejected() {
        assertThrows(InvalidSpecException.class, () -> Regularizers.custom("nobody>registered", Map.of()));
    }

    /**
     * All weights frozen, so nothing moves: the epoch loss Keras reports is the batch-size-weighted mean of
     * the per-batch objectives, each activity penalty divided by its own batch size (4, 4, then 2).
     */
    @Test
    void activityPenaltyInAnEpochWithAShortLastBatch() {
        Sequential spec = Sequential.create().input(2)
                .add(Dense.units(2).activation(Activation.RELU).activityRegularizer(l2(0.3)).trainable(false))
                .add(Dense.units(1).trainable(false));
        float[][] x = Fixtures.uniform(10, 2, 51);
        float[][] y = Fixtures.uniform(10, 1, 52);
        double weightedSum = 0;
        double activitySum = 0;
        int[] sizes = {4, 4, 2};
        int start = 0;
        for (int size : sizes) {
            double data = 0;
            double act = 0;
            for (int n = start; n < start + size; n++) {
                double out = B2[0];
                for (int j = 0; j < 2; j++) {
                    double h = Math.max(0, B1[j] + x[n][0] * W1[0][j] + x[n][1] * W1[1][j]);
                    act += h * h;
                    out += h * W2[j][0];
                }
                data += (out - y[n][0]) * (out - y[n][0]);
            }
            double activity = 0.3 * act / size;
            weightedSum += (data / size + activity) * size;
            activitySum += activity * size;
            start += size;
        }
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(), Loss.meanSquaredError()))) {
            m.setWeights(weights());
            History h = m.fit(Dataset.of(x, y), FitOptions.epochs(1).batchSize(4).shuffle(false).quiet());
            assertTrue(Fixtures.close(weightedSum / 10, h.last("loss"), 1e-6), weightedSum / 10 + " vs " + h.last("loss"));
            assertTrue(Fixtures.close(activitySum / 10, h.last("regularization_loss"), 1e-6));
            assertTrue(m.weights().sameAs(weights()), "frozen weights must not move");
        }
    }
}
