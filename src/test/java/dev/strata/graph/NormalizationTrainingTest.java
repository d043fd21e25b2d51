package dev.strata.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.spec.Activation;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.ActivationLayer;
import dev.strata.spec.layers.BatchNormalization;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.PReLU;
import dev.strata.spec.layers.Softmax;
import dev.strata.spec.layers.ThresholdedReLU;
import dev.strata.testing.Fixtures;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.Model;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;

/**
 * What the per-layer harness cannot reach: BatchNormalization's moving statistics through fit, evaluate and predict
 * (by Keras's rule, computed here by hand), graphs without state updates where there must be none, and the
 * activation layers whose values or gradients are checked by hand.
 */
class NormalizationTrainingTest {
    private static final int N = 8;
    private static final float[][] X = Fixtures.uniform(N, 3, 31);
    private static final float[][] Y = Fixtures.uniform(N, 2, 32);
    private static final float[][] W = Fixtures.uniform(3, 2, 33);
    private static final float[] B = {0.1f, -0.2f};
    private static final float[] GAMMA = {1.5f, 0.5f};
    private static final float[] BETA = {0.1f, 0.2f};
    private static final float[] MOVING_MEAN = {0.3f, -0.1f};
    private static final float[] MOVING_VARIANCE = {2f, 0.5f};
    private static final double MOMENTUM = 0.8;
    private static final double EPSILON = 1e-3;

    private static Sequential denseBn(boolean trainable) {
        return Sequential.create().input(3).add(Dense.units(2).name("dense"))
                .add(BatchNormalization.create().name("bn").momentum(MOMENTUM).trainable(trainable));
    }

    private static WeightSet start() {
        return Fixtures.weights("dense/kernel", W, "dense/bias", B, "bn/gamma", GAMMA, "bn/beta", BETA,
                "bn/moving_mean", MOVING_MEAN, "bn/moving_variance", MOVING_VARIANCE);
    }

    /** The Dense output, in double, from the starting weights. */
    private static double[][] hidden() {
        double[][] h = new double[N][2];
        for (int n = 0; n < N; n++) {
            for (int j = 0; j < 2; j++) {
                h[n][j] = B[j];
                for (int i = 0; i < 3; i++) {
                    h[n][j] += (double) X[n][i] * W[i][j];
                }
            }
        }
        return h;
    }

    private static void assertClose(String what, double[] expected, float[] actual, double tol) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol * Math.max(1, Math.abs(expected[i])), what + "[" + i + "]");
        }
    }

    @Test
    void fitMovesTheStatisticsByKerasRuleAndEvaluateAndPredictDoNot() {
        try (Model m = Model.compile(denseBn(true), TrainingConfig.of(Optimizer.sgd(0.1), Loss.meanSquaredError()))) {
            m.setWeights(start());
            float[][] predicted = m.predict(X);
            m.evaluate(Dataset.of(X, Y));
            assertArrayEquals(MOVING_MEAN, m.weights().values("bn/moving_mean"));
            assertArrayEquals(MOVING_VARIANCE, m.weights().values("bn/moving_variance"));

            double[][] h = hidden();
            double[] mean = new double[2];
            double[] variance = new double[2];
            for (int j = 0; j < 2; j++) {
                for (double[] row : h) {
                    mean[j] += row[j] / N;
                }
                for (double[] row : h) {
                    variance[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / N;
                }
                for (int n = 0; n < N; n++) {
                    double inference = (h[n][j] - MOVING_MEAN[j]) / Math.sqrt(MOVING_VARIANCE[j] + EPSILON) * GAMMA[j]
                            + BETA[j];
                    assertEquals(inference, predicted[n][j], 1e-5, "predict uses the moving statistics");
                }
            }

            m.fit(Dataset.of(X, Y), FitOptions.epochs(1).batchSize(N).shuffle(false).quiet());
            double[] wantMean = new double[2];
            double[] wantVariance = new double[2];
            for (int j = 0; j < 2; j++) {
                wantMean[j] = MOVING_MEAN[j] * MOMENTUM + mean[j] * (1 - MOMENTUM);
                wantVariance[j] = MOVING_VARIANCE[j] * MOMENTUM + variance[j] * (1 - MOMENTUM);
            }
            assertClose("moving_mean after one step", wantMean, m.weights().values("bn/moving_mean"), 1e-6);
            assertClose("moving_variance after one step", wantVariance, m.weights().values("bn/moving_variance"),
                    1e-6);

            float[] afterFit = m.weights().values("bn/moving_mean");
            m.predict(X);
            m.evaluate(Dataset.of(X, Y));
            assertArrayEquals(afterFit, m.weights().values("bn/moving_mean"), "evaluate and predict leave it");
            assertEquals(List.of(), assigns(m.inferenceGraph().graph()), "the INFER graph assigns nothing");
            assertEquals(2, updates(m.trainingGraph().graph()).size(), "one update per moving statistic");
        }
    }

    @Test
    void aFrozenLayerNormalizesWithItsMovingStatisticsInTrainingAndNeverUpdatesThem() {
        Sequential spec = denseBn(false);
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(0.1), Loss.meanSquaredError()))) {
            m.setWeights(start());
            m.fit(Dataset.of(X, Y), FitOptions.epochs(2).batchSize(4).shuffle(false).quiet());
            assertArrayEquals(MOVING_MEAN, m.weights().values("bn/moving_mean"));
            assertArrayEquals(MOVING_VARIANCE, m.weights().values("bn/moving_variance"));
            assertArrayEquals(GAMMA, m.weights().values("bn/gamma"), "a frozen gamma does not train");
            assertEquals(List.of(), updates(m.trainingGraph().graph()));
        }
        try (LayerProbe probe = new LayerProbe(spec, TowerMode.TRAINING, false);
             Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(0.1), Loss.meanSquaredError()))) {
            probe.setWeights(start());
            m.setWeights(start());
            assertArrayEquals(Fixtures.flat(m.predict(X)), probe.output(Fixtures.flat(X), new long[] {N, 3}), 1e-6f);
            assertEquals(0, probe.updateCount());
        }
    }

    @Test
    void thresholdedReluByHand() {
        Sequential spec = Sequential.create().input(6).add(ThresholdedReLU.thetaOf(0.5));
        float[] x = {-1f, 0f, 0.5f, 0.5001f, 2f, -0.3f};
        try (LayerProbe probe = new LayerProbe(spec, TowerMode.TRAINING, false)) {
            probe.setWeights(new WeightSet(Map.of()));
            long[] shape = {1, 6};
            assertArrayEquals(new float[] {0f, 0f, 0f, 0.5001f, 2f, 0f}, probe.output(x, shape));
            Map<String, float[]> g = probe.gradients(x, shape, new float[] {1, 2, 3, 4, 5, 6});
            assertArrayEquals(new float[] {0, 0, 0, 4, 5, 0}, g.get("x"), "1 above theta, 0 at and below it");
        }
    }

    /** Keras 3.15.1 gives 0 for both gradients at x = 0 (TensorFlow's relu subgradient on both branches). */
    @Test
    void preluGradientAtZeroIsKeras() {
        Sequential spec = Sequential.create().input(3).add(PReLU.create().name("p"));
        try (LayerProbe probe = new LayerProbe(spec, TowerMode.TRAINING, false)) {
            probe.setWeights(Fixtures.weights("p/alpha", new float[] {0.3f, 1.5f, -0.2f}));
            long[] shape = {1, 3};
            Map<String, float[]> g = probe.gradients(new float[3], shape, new float[] {1, 2, 3});
            assertArrayEquals(new float[3], g.get("x"));
            assertArrayEquals(new float[3], g.get("alpha"));
            float[] x = {-2f, 1f, -1f};
            assertArrayEquals(new float[] {-0.6f, 1f, 0.2f}, probe.output(x, shape), 1e-7f);
            g = probe.gradients(x, shape, new float[] {1, 2, 3});
            assertArrayEquals(new float[] {0.3f, 2f, -0.6f}, g.get("x"), 1e-7f);
            assertArrayEquals(new float[] {-2f, 0f, -3f}, g.get("alpha"), 1e-7f);
        }
    }

    @Test
    void linearActivationLayerIsTheIdentity() {
        Sequential spec = Sequential.create().input(4).add(ActivationLayer.of(Activation.LINEAR));
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(0.1), Loss.meanSquaredError()))) {
            float[][] x = Fixtures.uniform(3, 4, 5);
            assertArrayEquals(Fixtures.flat(x), Fixtures.flat(m.predict(x)));
        }
    }

    /** Logits of +-40 saturate the softmax: only a crossentropy from the logits sees a loss above -log(1e-7). */
    @Test
    void theSoftmaxLayerKeepsItsLogitsForTheCrossentropy() {
        float[][] x = {{1f, 0f}, {0f, 1f}};
        float[][] y = {{0f, 1f}, {1f, 0f}};
        WeightSet w = Fixtures.weights("dense/kernel", new float[][] {{40f, -40f}, {-40f, 40f}}, "dense/bias",
                new float[] {0f, 0f});
        TrainingConfig cce = TrainingConfig.of(Optimizer.sgd(0.1), Loss.categoricalCrossentropy());
        double[] losses = new double[2];
        List<Sequential> specs = List.of(
                Sequential.create().input(2).add(Dense.units(2).name("dense").activation(Activation.SOFTMAX)),
                Sequential.create().input(2).add(Dense.units(2).name("dense")).add(Softmax.create()));
        for (int i = 0; i < 2; i++) {
            try (Model m = Model.compile(specs.get(i), cce)) {
                m.setWeights(w);
                losses[i] = m.evaluate(Dataset.of(x, y)).loss();
            }
        }
        assertEquals(80.0, losses[0], 1e-3);
        assertEquals(losses[0], losses[1], 1e-6);
    }

    private static List<String> assigns(Graph g) {
        List<String> out = new ArrayList<>();
        for (Iterator<GraphOperation> it = g.operations(); it.hasNext(); ) {
            GraphOperation op = it.next();
            if (op.type().startsWith("Assign") && !op.name().startsWith("io/")) {
                out.add(op.name());
            }
        }
        return out;
    }

    private static List<String> updates(Graph g) {
        List<String> out = new ArrayList<>();
        for (Iterator<GraphOperation> it = g.operations(); it.hasNext(); ) {
            GraphOperation op = it.next();
            if (op.type().equals("AssignVariableOp") && op.name().contains("moving_")) {
                out.add(op.name());
            }
        }
        return out.stream().filter(n -> !n.startsWith("io/")).toList();
    }
}
