package dev.strata.train;

import dev.strata.json.PythonFloat;
import java.util.Map;

/**
 * Stops training as soon as a batch's loss is NaN or infinite, as Keras's {@code TerminateOnNaN}: checked
 * after every batch on the running loss (which turns non-finite with the first bad batch). By default it asks
 * the model to stop, so the epoch ends there (validation and {@code onEpochEnd} still run, as in Keras);
 * {@link #raisingError()} throws instead, leaving the weights as the bad batch made them.
 */
public final class TerminateOnNaN implements Callback {
    private final boolean raiseError;
    private Model model;
    private int epoch = -1;
    private int batch = -1;

    public TerminateOnNaN() {
        this(false);
    }

    private TerminateOnNaN(boolean raiseError) {
        this.raiseError = raiseError;
    }

    /** Keras's {@code raise_error=True}: throw {@link IllegalStateException} at the first bad batch. */
    public static TerminateOnNaN raisingError() {
        return new TerminateOnNaN(true);
    }

    @Override
    public void onTrainBegin(Model model, FitPlan plan) {
        this.model = model;
        epoch = -1;
        batch = -1;
    }

    @Override
    public void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {
        Double loss = logs.get("loss");
        if (loss == null || Double.isFinite(loss)) {
            return;
        }
        this.epoch = epoch;
        this.batch = batch;
        if (raiseError) {
            throw new IllegalStateException("NaN or Inf loss encountered at batch " + batch + ". Loss value: "
                    + PythonFloat.repr(loss) + ". Terminating training immediately.");
        }
        System.out.println("Batch " + batch + ": Invalid loss, terminating training");
        model.stopTraining();
    }

    /** The zero-based epoch in which training was terminated, or -1. */
    public int terminatedEpoch() {
        return epoch;
    }

    /** The zero-based batch (within its epoch) whose loss was not finite, or -1. */
    public int terminatedBatch() {
        return batch;
    }
}
