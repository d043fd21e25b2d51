package dev.strata.train;

import java.util.Map;

/**
 * Hooks into {@code fit}, as Keras callbacks. Epoch numbers are zero-based; logs hold the same keys as
 * {@link History}. To stop training, call {@link Model#stopTraining()} from a hook.
 */
public interface Callback {
    default void onTrainBegin(Model model, FitPlan plan) {
    }

    default void onEpochBegin(int epoch) {
    }

    /** After each batch; {@code logs} are running means over the epoch so far, as Keras reports them. */
    default void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {
    }

    default void onEpochEnd(int epoch, Map<String, Double> logs) {
    }

    default void onTrainEnd(History history) {
    }
}
