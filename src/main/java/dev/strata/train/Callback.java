package dev.strata.train;

import java.util.Map;

/**
 * Hooks into {@code fit}, as Keras callbacks; implement the ones you need. Epoch and batch numbers are
 * zero-based. Callbacks run in the order given to {@link FitOptions#callbacks}, then the default
 * {@link ProgressBar} (as Keras runs its progress bar last). To stop training, call
 * {@link Model#stopTraining()} from any hook: it is checked after every batch.
 *
 * <p>The logs handed to {@link #onEpochEnd} are mutable and shared: a callback may add entries (Keras 3's
 * learning-rate callbacks add {@code learning_rate}), later callbacks see them, and {@link History} records
 * the logs after every callback has run.
 */
public interface Callback {
    default void onTrainBegin(Model model, FitPlan plan) {
    }

    default void onEpochBegin(int epoch) {
    }

    /** Before each training batch. */
    default void onBatchBegin(int epoch, int batch) {
    }

    /** After each training batch; {@code logs} are running values over the epoch so far, as Keras reports them. */
    default void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {
    }

    /** Before the validation pass of an epoch (only when there is validation data). */
    default void onTestBegin() {
    }

    /** After the validation pass, with its logs without the {@code val_} prefix, as Keras's {@code on_test_end}. */
    default void onTestEnd(Map<String, Double> logs) {
    }

    /** After each epoch, with the training logs and the {@code val_} ones. */
    default void onEpochEnd(int epoch, Map<String, Double> logs) {
    }

    /** Once, when {@code fit} ends, stopped early or not. */
    default void onTrainEnd(History history) {
    }
}
