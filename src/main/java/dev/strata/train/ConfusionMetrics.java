package dev.strata.train;

import dev.strata.spec.Metric;

/**
 * Keras's {@code result()} formulas of the confusion-matrix metrics, applied to accumulated counts laid out as
 * {@code dev.strata.graph.MetricOps} packs them. Element-wise steps run in float32 as Keras's do; only the
 * final sum of AUC's 199 trapezoids is taken in double (Keras's reduction order is TensorFlow's, so the last
 * bit may differ either way).
 */
final class ConfusionMetrics {
    private ConfusionMetrics() {
    }

    /** ROC AUC with interpolated (trapezoid) summation over {@code [tp, fp, tn, fn]} blocks at {@code from}. */
    static float auc(float[] counts, int from) {
        int n = Metric.AUC_THRESHOLDS;
        float[] recall = new float[n];
        float[] fpRate = new float[n];
        for (int i = 0; i < n; i++) {
            float tp = counts[from + i];
            float fp = counts[from + n + i];
            float tn = counts[from + 2 * n + i];
            float fn = counts[from + 3 * n + i];
            recall[i] = divideNoNan(tp, tp + fn);
            fpRate[i] = divideNoNan(fp, fp + tn);
        }
        double sum = 0;
        for (int i = 0; i < n - 1; i++) {
            float height = (recall[i] + recall[i + 1]) / 2f;
            sum += (fpRate[i] - fpRate[i + 1]) * height;
        }
        return (float) sum;
    }

    /** {@code tp / (tp + fp)} over a {@code [tp, fp]} block; 0 when nothing was predicted positive. */
    static float precision(float[] counts, int from) {
        return divideNoNan(counts[from], counts[from] + counts[from + 1]);
    }

    /** {@code tp / (tp + fn)} over a {@code [tp, fn]} block; 0 when there was no positive target. */
    static float recall(float[] counts, int from) {
        return divideNoNan(counts[from], counts[from] + counts[from + 1]);
    }

    /** Keras's {@code ops.divide_no_nan}: 0 where the denominator is 0. */
    private static float divideNoNan(float a, float b) {
        return b == 0f ? 0f : a / b;
    }
}
