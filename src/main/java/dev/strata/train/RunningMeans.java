package dev.strata.train;

import dev.strata.graph.StatBlock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Epoch values the way Keras's metric state computes them: float32 running sums of each batch's stats
 * vector. Losses are means weighted by batch size; mean metrics are sums of per-example values over the
 * example count; confusion metrics (AUC, precision, recall) apply Keras's formula to the summed counts.
 */
final class RunningMeans {
    private final List<StatBlock> blocks;
    private final float[] totals;
    private final float[] counts;

    /** @param blocks what each entry of the stats vector is */
    RunningMeans(List<StatBlock> blocks) {
        this.blocks = List.copyOf(blocks);
        int width = 0;
        for (StatBlock b : blocks) {
            width = Math.max(width, b.offset() + b.width());
        }
        this.totals = new float[width];
        this.counts = new float[width];
    }

    void add(float[] stats, int batch) {
        if (stats.length != totals.length) {
            throw new IllegalStateException("stats vector has " + stats.length + " values, expected " + totals.length);
        }
        for (StatBlock b : blocks) {
            int at = b.offset();
            if (b.metric() == null) {
                totals[at] += stats[at] * (float) batch;
                counts[at] += batch;
            } else if (b.metric().isConfusionMetric()) {
                for (int j = at; j < at + b.width(); j++) {
                    totals[j] += stats[j];
                }
            } else if (b.weighted()) {
                totals[at] += stats[at];
                counts[at] += stats[at + 1];
            } else {
                totals[at] += stats[at];
                counts[at] += (float) batch * b.examplesPerRow();
            }
        }
    }

    /** Values so far, under the given key prefix ({@code ""} or {@code "val_"}). */
    Map<String, Double> means(String prefix) {
        Map<String, Double> logs = new LinkedHashMap<>();
        for (StatBlock b : blocks) {
            int at = b.offset();
            double value = b.metric() == null ? mean(at) : switch (b.metric()) {
                case AUC -> ConfusionMetrics.auc(totals, at);
                case PRECISION -> ConfusionMetrics.precision(totals, at);
                case RECALL -> ConfusionMetrics.recall(totals, at);
                default -> mean(at);
            };
            logs.put(prefix + b.key(), value);
        }
        return logs;
    }

    private double mean(int i) {
        return counts[i] == 0 ? 0.0 : (double) (totals[i] / counts[i]);
    }
}
