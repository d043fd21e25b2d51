package dev.strata.experiment;

import dev.strata.graph.WeightSet;
import dev.strata.spec.LayerSummary;
import dev.strata.spec.Metric;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.WeightSpec;
import dev.strata.train.Dataset;
import dev.strata.train.Evaluation;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import dev.strata.train.ModelOptions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The experiment the classic advice asks for ("try L1 and L2 on your data and keep whichever reduces
 * overfitting and compute time most"): one spec trained under several regularization settings with the
 * same seed, the same data and the same schedule, measured the same way.
 */
public final class Comparison {
    /** Below this magnitude a weight counts as zero in the sparsity columns. */
    public static final double NEAR_ZERO = 1e-3;

    /** The schedule shared by every setting. */
    public record Options(int epochs, int batchSize, long seed) {
        public Options {
            if (epochs < 1 || batchSize < 1) {
                throw new IllegalArgumentException("epochs and batch size must be >= 1");
            }
        }
    }

    private Comparison() {
    }

    /**
     * @param progress where to say which setting is training, or null for silence
     */
    public static ComparisonReport run(Sequential base, TrainingConfig config, Dataset train, Dataset validation,
                                       List<Setting> settings, Options options, PrintStream progress) {
        if (settings.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one setting");
        }
        List<SettingResult> results = new ArrayList<>();
        for (Setting s : settings) {
            Sequential spec = s.spec().apply(base);
            TrainingConfig cfg = new TrainingConfig(s.optimizer().apply(config.optimizer()), config.loss(),
                    config.metrics());
            if (progress != null) {
                progress.println("training: " + s.label());
            }
            results.add(train(s.label(), spec, cfg, train, validation, options));
        }
        return new ComparisonReport(results);
    }

    static SettingResult train(String label, Sequential spec, TrainingConfig config, Dataset train,
                               Dataset validation, Options options) {
        try (Model m = Model.compile(spec, config, ModelOptions.defaults().seed(options.seed()))) {
            long start = System.nanoTime();
            History h = m.fit(train, FitOptions.epochs(options.epochs()).batchSize(options.batchSize())
                    .validationData(validation).quiet());
            double secondsPerEpoch = (System.nanoTime() - start) / 1e9 / options.epochs();
            Evaluation onTrain = m.evaluate(train, options.batchSize());
            double[] valLoss = h.get("val_data_loss");
            int best = 0;
            for (int e = 1; e < valLoss.length; e++) {
                best = valLoss[e] < valLoss[best] ? e : best;
            }
            String metric = config.metrics().isEmpty() ? null : m.trainingGraph().metricNames().get(0);
            double finalMetric = Double.NaN;
            double bestMetric = Double.NaN;
            if (metric != null) {
                double[] values = h.get("val_" + metric);
                boolean higherIsBetter = isAccuracy(config.metrics().get(0));
                finalMetric = values[values.length - 1];
                bestMetric = values[0];
                for (double v : values) {
                    bestMetric = higherIsBetter ? Math.max(bestMetric, v) : Math.min(bestMetric, v);
                }
            }
            double share = h.last("loss") == 0 ? 0 : h.last("regularization_loss") / h.last("loss");
            return new SettingResult(label, h, metric, onTrain.dataLoss(), valLoss[valLoss.length - 1], valLoss[best],
                    best + 1, finalMetric, bestMetric, secondsPerEpoch, share, layerStats(m), firstKernel(m));
        }
    }

    private static boolean isAccuracy(Metric m) {
        return m != Metric.MEAN_ABSOLUTE_ERROR && m != Metric.MEAN_SQUARED_ERROR;
    }

    private static float[] firstKernel(Model m) {
        for (LayerSummary row : m.summary().layers()) {
            for (WeightSpec ws : row.weights()) {
                if (ws.role() == WeightSpec.Role.KERNEL) {
                    return m.weights().values(row.layer().name() + "/" + ws.name());
                }
            }
        }
        return new float[0];
    }

    private static List<LayerWeightStats> layerStats(Model m) {
        WeightSet w = m.weights();
        List<LayerWeightStats> out = new ArrayList<>();
        for (LayerSummary row : m.summary().layers()) {
            if (row.weights().isEmpty()) {
                continue;
            }
            List<float[]> values = new ArrayList<>();
            for (WeightSpec ws : row.weights()) {
                values.add(w.values(row.layer().name() + "/" + ws.name()));
            }
            out.add(LayerWeightStats.of(row.layer().name(), values.toArray(new float[0][])));
        }
        return out;
    }
}
