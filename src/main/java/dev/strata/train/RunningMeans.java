package dev.strata.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Epoch means the way Keras's metric state computes them: a float32 running total and count per value,
 * losses weighted by batch size, metrics summed per example.
 */
final class RunningMeans {
    private final List<String> metricNames;
    private final int examplesPerRow;
    private final float[] totals;
    private final float[] counts;

    /**
     * @param examplesPerRow per-example metric values per input row (1 unless the output has extra axes)
     */
    RunningMeans(List<String> metricNames, int examplesPerRow) {
        this.metricNames = metricNames;
        this.examplesPerRow = examplesPerRow;
        this.totals = new float[3 + metricNames.size()];
        this.counts = new float[totals.length];
    }

    void add(float[] stats, int batch) {
        for (int i = 0; i < 3; i++) {
            totals[i] += stats[i] * (float) batch;
            counts[i] += batch;
        }
        for (int i = 3; i < totals.length; i++) {
            totals[i] += stats[i];
            counts[i] += (float) batch * examplesPerRow;
        }
    }

    /** Means so far, under the given key prefix ({@code ""} or {@code "val_"}). */
    Map<String, Double> means(String prefix) {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put(prefix + "loss", mean(0));
        logs.put(prefix + "data_loss", mean(1));
        logs.put(prefix + "regularization_loss", mean(2));
        for (int i = 0; i < metricNames.size(); i++) {
            logs.put(prefix + metricNames.get(i), mean(3 + i));
        }
        return logs;
    }

    private double mean(int i) {
        return counts[i] == 0 ? 0.0 : (double) (totals[i] / counts[i]);
    }
}
