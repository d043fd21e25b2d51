package dev.strata.experiment;

import dev.strata.train.History;
import java.util.List;

/**
 * What one setting of a comparison did.
 *
 * @param metric the monitored validation metric's Keras name (for example {@code accuracy}), or null
 * @param regularizationShare final-epoch penalties as a fraction of the training objective
 */
public record SettingResult(String label, History history, String metric, double trainDataLoss,
                            double finalValidationLoss, double bestValidationLoss, int bestEpoch,
                            double finalValidationMetric, double bestValidationMetric, double secondsPerEpoch,
                            double regularizationShare, List<LayerWeightStats> layers, float[] firstKernel) {

    /** The first layer's kernel after training, row-major (inputs x units), for feature-selection views. */
    @Override
    public float[] firstKernel() {
        return firstKernel.clone();
    }

    /** Train-validation gap of the data loss at the end: the overfitting. */
    public double gap() {
        return finalValidationLoss - trainDataLoss;
    }
}
