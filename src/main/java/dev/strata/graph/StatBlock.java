package dev.strata.graph;

import dev.strata.spec.Metric;

/**
 * One entry of the packed stats vector a step fetches: a loss (a batch mean, averaged over batches weighted by
 * their size) or a metric block (see {@link MetricOps}).
 *
 * @param key the log key, without the {@code val_} prefix: {@code loss}, {@code dense_1_loss},
 *     {@code dense_1_accuracy}
 * @param metric the metric, resolved by its output's loss, or null for a loss
 * @param offset where the block starts in the vector
 * @param examplesPerRow per-example metric values per input row (1 unless the output has extra axes)
 * @param weighted a mean metric of a masked output: the block is {@code [weighted sum, sum of weights]}, the batch's
 *     share of Keras's metric total and count, and the count comes from the graph, not from the batch size
 */
public record StatBlock(String key, Metric metric, int offset, int examplesPerRow, boolean weighted) {

    /** A loss, or a metric whose count is the batch size times {@code examplesPerRow}. */
    public StatBlock(String key, Metric metric, int offset, int examplesPerRow) {
        this(key, metric, offset, examplesPerRow, false);
    }

    public int width() {
        return metric == null ? 1 : weighted ? 2 : MetricOps.statsWidth(metric);
    }
}
