package dev.strata.graph;

import static dev.strata.spec.Regularizers.l1;
import static dev.strata.spec.Regularizers.l2;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.Activation;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Dropout;
import dev.strata.spec.layers.GroupNormalization;
import dev.strata.spec.layers.Normalization;
import dev.strata.testing.Fixtures;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.Model;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the per-layer harness cannot reach for the preprocessing and group normalization layers: a whole training
 * step through GroupNormalization (with both penalties) against finite differences of the objective,
 * Normalization's statistics surviving fit untouched while predict uses them, and Dropout's noise shape drawing
 * one mask value per example.
 */
class PreprocessingTrainingTest {
    private static final float[][] X = Fixtures.uniform(5, 4, 51);
    private static final float[][] Y = Fixtures.uniform(5, 2, 52);

    @Test
    void groupNormalizationStepFollowsTheObjectiveGradient() {
        Sequential spec = Sequential.create().input(4)
                .add(Dense.units(6).activation(Activation.TANH))
                .add(GroupNormalization.groups(2).gammaRegularizer(l2(0.3)).betaRegularizer(l1(0.05)))
                .add(Dense.units(2));
        WeightSet start = Fixtures.weights(
                "dense/kernel", Fixtures.uniform(4, 6, 53), "dense/bias", new float[] {0.1f, -0.2f, 0.3f, 0f, 0.2f,
                        -0.1f},
                "group_normalization/gamma", new float[] {1.2f, 0.8f, -0.5f, 1.1f, 0.9f, 0.7f},
                "group_normalization/beta", new float[] {0.1f, -0.3f, 0.2f, 0.15f, -0.25f, 0.05f},
                "dense_1/kernel", Fixtures.uniform(6, 2, 54), "dense_1/bias", new float[] {0.05f, -0.1f});
        Dataset data = Dataset.of(X, Y);
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(1.0), Loss.meanSquaredError()))) {
            m.setWeights(start);
            m.fit(data, FitOptions.epochs(1).batchSize(X.length).shuffle(false).quiet());
            WeightSet after = m.weights();
            for (String weight : start.entries().keySet()) {
                float[] w0 = start.values(weight);
                float[] w1 = after.values(weight);
                for (int i = 0; i < w0.length; i++) {
                    double step = (double) w0[i] - w1[i];
                    // A small step: normalizing groups of three values curves the objective sharply.
                    double numeric = (objective(m, start, weight, i, 1e-3, data)
                            - objective(m, start, weight, i, -1e-3, data)) / 2e-3;
                    // The objective (about 3) is a float32: a few ulps over the 2e-3 step is about 5e-4.
                    assertEquals(numeric, step, 2e-3 * Math.abs(numeric) + 5e-4, "d/d" + weight + "[" + i + "]");
                }
            }
        }
    }

    private static double objective(Model m, WeightSet at, String weight, int index, double delta, Dataset data) {
        Map<String, WeightSet.Entry> moved = new LinkedHashMap<>(at.entries());
        float[] values = at.values(weight);
        values[index] += (float) delta;
        moved.put(weight, new WeightSet.Entry(at.get(weight).shape(), values));
        m.setWeights(new WeightSet(moved));
        return m.evaluate(data, X.length).loss();
    }

    @Test
    void normalizationStatisticsAreSetNotTrainedAndPredictUsesThem() {
        Sequential spec = Sequential.create().input(4).add(Normalization.create().name("norm"))
                .add(Dense.units(2).name("dense"));
        float[] mean = {0.5f, -0.2f, 0.1f, 0.3f};
        float[] variance = {4f, 0.25f, 1f, 2f};
        float[][] kernel = Fixtures.uniform(4, 2, 55);
        float[] bias = {0.1f, -0.1f};
        Map<String, WeightSet.Entry> w = new LinkedHashMap<>(Fixtures.weights("norm/mean", mean, "norm/variance",
                variance, "dense/kernel", kernel, "dense/bias", bias).entries());
        w.put("norm/count", new WeightSet.Entry(new long[0], new float[] {42f}));
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(0.1), Loss.meanSquaredError()))) {
            m.setWeights(new WeightSet(w));
            m.fit(Dataset.of(X, Y), FitOptions.epochs(2).batchSize(2).shuffle(false).quiet());
            WeightSet after = m.weights();
            assertArrayEquals(mean, after.values("norm/mean"));
            assertArrayEquals(variance, after.values("norm/variance"));
            assertArrayEquals(new float[] {42f}, after.values("norm/count"));
            assertTrue(!Arrays.equals(Fixtures.flat(kernel), after.values("dense/kernel")), "Dense trains");
            float[] k = after.values("dense/kernel");
            float[] b = after.values("dense/bias");
            variance[3] = 0f; // set, not trained: a zero variance divides by Keras's floor, not by zero
            Map<String, WeightSet.Entry> set = new LinkedHashMap<>(after.entries());
            set.put("norm/variance", new WeightSet.Entry(new long[] {4}, variance));
            m.setWeights(new WeightSet(set));
            float[][] predicted = m.predict(X);
            for (int n = 0; n < X.length; n++) {
                for (int j = 0; j < 2; j++) {
                    double y = b[j];
                    for (int i = 0; i < 4; i++) {
                        // Keras divides by max(sqrt(variance), 1e-7): a zero variance divides by 1e-7.
                        double z = (X[n][i] - mean[i]) / Math.max(Math.sqrt(variance[i]), 1e-7);
                        y += z * k[i * 2 + j];
                    }
                    assertEquals(y, predicted[n][j], 1e-5 * Math.max(1, Math.abs(y)), "predict[" + n + "][" + j + "]");
                }
            }
        }
    }

    @Test
    void dropoutNoiseShapeDropsWholeExamples() {
        int rows = 400;
        int cols = 30;
        float[] ones = new float[rows * cols];
        Arrays.fill(ones, 1f);
        Sequential spec = Sequential.create().input(cols).add(Dropout.rate(0.3).noiseShape(-1, 1));
        float[] y = NoisePass.run(spec, TowerMode.TRAINING, true, 3, 11, ones, new long[] {rows, cols}).output();
        float kept = (float) (1 / 0.7);
        int keptRows = 0;
        for (int r = 0; r < rows; r++) {
            float first = y[r * cols];
            assertTrue(first == 0f || Math.abs(first - kept) < 1e-6, "kept values scale by 1/(1-rate)");
            for (int c = 1; c < cols; c++) {
                assertEquals(first, y[r * cols + c], "one draw per example");
            }
            keptRows += first == 0f ? 0 : 1;
        }
        // 400 draws: the keep fraction's standard error is about 0.023.
        assertEquals(0.7, keptRows / (double) rows, 0.08);
    }
}
