package dev.strata.train;

import dev.strata.graph.MetricOps;
import dev.strata.graph.TrainingGraph;
import dev.strata.spec.Metric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Epoch values the way Keras's metric state computes them: float32 running sums of each batch's stats
 * vector. Losses are means weighted by batch size; mean metrics are sums of per-example values over the
 * example count; confusion metrics (AUC, precision, recall) apply Keras's formula to the summed counts.
 */
final class RunningMeans {
    private final List<String> names;
    private final List<Metric> metrics;
    private final int[] offsets;
    private final int examplesPerRow;
    private final float[] totals;
    private final float[] counts;

    /**
     * @param names the log key of each metric
     * @param metrics each metric resolved by loss, in stats-vector order
     * @param examplesPerRow per-example metric values per input row (1 unless the output has extra axes)
     */
    RunningMeans(List<String> names, List<Metric> metrics, int examplesPerRow) {
        if (names.size() != metrics.size()) {
            throw new IllegalArgumentException(names.size() + " metric names for " + metrics.size() + " metrics");
        }
        this.names = List.copyOf(names);
        this.metrics = List.copyOf(metrics);
        this.examplesPerRow = examplesPerRow;
        this.offsets = new int[metrics.size()];
        int width = TrainingGraph.FIRST_METRIC;
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = width;
            width += MetricOps.statsWidth(metrics.get(i));
        }
        this.totals = new float[width];
        this.counts = new float[width];
    }

    void add(float[] stats, int batch) {
        if (stats.length != totals.length) {
            throw new IllegalStateException("stats vector has " + stats.length + " values, expected " + totals.length);
        }
        for (int i = 0; i < TrainingGraph.FIRST_METRIC; i++) {
            totals[i] += stats[i] * (float) batch;
            counts[i] += batch;
        }
        for (int m = 0; m < offsets.length; m++) {
            int at = offsets[m];
            if (metrics.get(m).isConfusionMetric()) {
                for (int j = at; j < at + MetricOps.statsWidth(metrics.get(m)); j++) {
                    totals[j] += stats[j];
                }
            } else {
                totals[at] += stats[at];
                counts[at] += (float) batch * examplesPerRow;
            }
        }
    }

    /** Values so far, under the given key prefix ({@code ""} or {@code "val_"}). */
    Map<String, Double> means(String prefix) {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put(prefix + "loss", mean(TrainingGraph.TOTAL));
        logs.put(prefix + "data_loss", mean(TrainingGraph.DATA));
        logs.put(prefix + "regularization_loss", mean(TrainingGraph.REGULARIZATION));
        for (int m = 0; m < offsets.length; m++) {
            int at = offsets[m];
            double value = switch (metrics.get(m)) {
                case AUC -> ConfusionMetrics.auc(totals, at);
                case PRECISION -> ConfusionMetrics.precision(totals, at);
                case RECALL -> ConfusionMetrics.recall(totals, at);
                default -> mean(at);
            };
            logs.put(prefix + names.get(m), value);
        }
        return logs;
    }

    private double mean(int i) {
        return counts[i] == 0 ? 0.0 : (double) (totals[i] / counts[i]);
    }
}
