package dev.strata.graph;

import static dev.strata.spec.Regularizers.l1;
import static dev.strata.spec.Regularizers.l1l2;
import static dev.strata.spec.Regularizers.l2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.Activation;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.testing.Fixtures;
import dev.strata.train.Model;
import dev.strata.train.RegularizationValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every penalty equals the Keras formula on known weights, to 1e-6 relative. */
class RegularizationValueTest {
    private static final float[][] W1 = {{0.5f, -1.25f}, {0.0f, 2.0f}, {-0.75f, 0.125f}};
    private static final float[] B1 = {0.3f, -0.6f};
    private static final float[][] W2 = {{1.5f}, {-0.25f}};
    private static final float[] B2 = {-0.2f};

    private static Sequential spec() {
        return Sequential.create().input(3)
                .add(Dense.units(2).activation(Activation.RELU).kernelRegularizer(l1(0.3)).biasRegularizer(l2(0.05))
                        .activityRegularizer(l1l2(0.01, 0.02)))
                .add(Dense.units(1).kernelRegularizer(l1l2(0.1, 0.2)).biasRegularizer(l1(0.7))
                        .activityRegularizer(l2(0.03)));
    }

    private static Model model() {
        Model m = Model.compile(spec(), TrainingConfig.of(Optimizer.sgd(), Loss.meanSquaredError()));
        m.setWeights(Fixtures.weights("dense/kernel", W1, "dense/bias", B1, "dense_1/kernel", W2, "dense_1/bias", B2));
        return m;
    }

    private static double sumAbs(float[]... rows) {
        double s = 0;
        for (float[] r : rows) {
            for (float v : r) {
                s += Math.abs(v);
            }
        }
        return s;
    }

    private static double sumSq(float[]... rows) {
        double s = 0;
        for (float[] r : rows) {
            for (float v : r) {
                s += (double) v * v;
            }
        }
        return s;
    }

    private static void assertClose(double expected, double actual) {
        assertTrue(Fixtures.close(expected, actual, 1e-6), "expected " + expected + " but was " + actual);
    }

    @Test
    void weightPenaltiesMatchKerasFormulas() {
        try (Model m = model()) {
            List<RegularizationValue> losses = m.losses();
            assertEquals(List.of("dense/kernel_regularizer", "dense/bias_regularizer", "dense_1/kernel_regularizer",
                    "dense_1/bias_regularizer"), losses.stream().map(RegularizationValue::name).toList());
            assertClose(0.3 * sumAbs(W1), losses.get(0).value());
            assertClose(0.05 * sumSq(B1), losses.get(1).value());
            assertClose(0.1 * sumAbs(W2) + 0.2 * sumSq(W2), losses.get(2).value());
            assertClose(0.7 * sumAbs(B2), losses.get(3).value());
            assertEquals(RegularizationTerm.Kind.BIAS, losses.get(3).kind());
            assertEquals("dense_1", losses.get(3).layer());
        }
    }

    /** Keras 3: an activity penalty is divided by the batch size of the output it regularizes. */
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 32})
    void activityPenaltiesAreDividedByTheBatchSize(int batch) {
        float[][] x = Fixtures.uniform(batch, 3, 11 + batch);
        double l1Hidden = 0;
        double l2Hidden = 0;
        double l2Out = 0;
        for (float[] row : x) {
            double[] h = new double[2];
            for (int j = 0; j < 2; j++) {
                double z = B1[j];
                for (int i = 0; i < 3; i++) {
                    z += row[i] * W1[i][j];
                }
                h[j] = Math.max(0, z);
                l1Hidden += Math.abs(h[j]);
                l2Hidden += h[j] * h[j];
            }
            double o = B2[0] + h[0] * W2[0][0] + h[1] * W2[1][0];
            l2Out += o * o;
        }
        try (Model m = model()) {
            List<RegularizationValue> all = m.losses(x, true);
            assertEquals("dense/activity_regularizer", all.get(0).name());
            assertEquals("dense_1/activity_regularizer", all.get(1).name());
            assertEquals(RegularizationTerm.Kind.ACTIVITY, all.get(0).kind());
            assertClose((0.01 * l1Hidden + 0.02 * l2Hidden) / batch, all.get(0).value());
            assertClose(0.03 * l2Out / batch, all.get(1).value());
            assertEquals(6, all.size());
        }
    }

    @Test
    void totalObjectiveIsDataLossPlusEveryTerm() {
        float[][] x = Fixtures.uniform(5, 3, 3);
        float[][] y = Fixtures.uniform(5, 1, 4);
        try (Model m = model()) {
            var eval = m.evaluate(dev.strata.train.Dataset.of(x, y), 5);
            double terms = m.losses(x, false).stream().mapToDouble(RegularizationValue::value).sum();
            assertClose(terms, eval.regularizationLoss());
            assertClose(eval.dataLoss() + terms, eval.loss());
        }
    }
}
