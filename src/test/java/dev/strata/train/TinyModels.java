package dev.strata.train;

import dev.strata.spec.layers.Dense;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.testing.Fixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small models and data for the callback tests: quick to compile, deterministic from a seed. */
final class TinyModels {
    private TinyModels() {
    }

    /** Linear regression {@code in -> 1} with SGD and MSE. */
    static Model linear(int in, double learningRate, Metric... metrics) {
        return Model.compile(Sequential.create().input(in).add(Dense.units(1)),
                TrainingConfig.of(Optimizer.sgd(learningRate), Loss.meanSquaredError(), metrics));
    }

    /** {@code n} rows of {@code in} features in [-1, 1) and a noiseless linear target. */
    static Dataset regression(int n, int in, long seed) {
        float[][] x = Fixtures.uniform(n, in, seed);
        float[][] y = new float[n][1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < in; j++) {
                y[i][0] += (j + 1) * 0.5f * x[i][j];
            }
            y[i][0] += 0.25f;
        }
        return Dataset.of(x, y);
    }

    static Map<String, Double> logs(String key, double value) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    /** Records what every hook saw. */
    static final class Recorder implements Callback {
        final List<String> events = new ArrayList<>();
        final List<Map<String, Double>> epochLogs = new ArrayList<>();
        final List<Double> batchLosses = new ArrayList<>();
        final List<dev.strata.graph.WeightSet> epochWeights = new ArrayList<>();
        final List<Double> learningRates = new ArrayList<>();
        private Model model;

        @Override
        public void onTrainBegin(Model model, FitPlan plan) {
            this.model = model;
            events.add("train_begin " + plan.stepsPerEpoch() + " steps");
        }

        @Override
        public void onEpochBegin(int epoch) {
            events.add("epoch_begin " + epoch);
        }

        @Override
        public void onBatchBegin(int epoch, int batch) {
            events.add("batch_begin " + epoch + "/" + batch);
        }

        @Override
        public void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {
            events.add("batch_end " + epoch + "/" + batch);
            batchLosses.add(logs.get("loss"));
        }

        @Override
        public void onTestBegin() {
            events.add("test_begin");
        }

        @Override
        public void onTestEnd(Map<String, Double> logs) {
            events.add("test_end " + logs.keySet().iterator().next());
        }

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
            events.add("epoch_end " + epoch);
            epochLogs.add(new LinkedHashMap<>(logs));
            epochWeights.add(model.weights());
            learningRates.add(model.learningRate());
        }

        @Override
        public void onTrainEnd(History history) {
            events.add("train_end " + history.size());
        }
    }
}
