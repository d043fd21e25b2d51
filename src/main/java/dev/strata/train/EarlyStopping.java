package dev.strata.train;

import dev.strata.graph.WeightSet;
import java.util.Map;

/**
 * Stops training when a monitored value has stopped improving, with Keras 3's semantics: each monitored epoch
 * that does not beat the best by more than {@code minDelta} adds one to a wait counter, and training stops at
 * the end of an epoch (not the first) once the counter reaches {@code patience}. With a {@code baseline},
 * the counter is only reset by epochs that also beat the baseline.
 *
 * <p>With {@code restoreBestWeights}, the weights at the end of the best epoch are put back when training ends,
 * whether it stopped early or ran all its epochs (Keras 3 restores in {@code on_train_end}; Keras 2 only did
 * when it stopped). Immutable configuration: each method returns a changed copy.
 *
 * <pre>{@code
 * EarlyStopping.monitor("val_loss").patience(3).minDelta(1e-4).restoreBestWeights(true)
 * }</pre>
 */
public final class EarlyStopping implements Callback {
    private final Monitor monitor;
    private final int patience;
    private final Double baseline;
    private final boolean restoreBestWeights;
    private final int startFromEpoch;
    private final boolean verbose;

    private Model model;
    private boolean maximize;
    private int wait;
    private int stoppedEpoch;
    private Double best;
    private int bestEpoch;
    private WeightSet bestWeights;
    private boolean warned;

    private EarlyStopping(Monitor monitor, int patience, Double baseline, boolean restoreBestWeights,
                          int startFromEpoch, boolean verbose) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, was " + patience);
        }
        if (startFromEpoch < 0) {
            throw new IllegalArgumentException("start_from_epoch must be >= 0, was " + startFromEpoch);
        }
        if (baseline != null && !Double.isFinite(baseline)) {
            throw new IllegalArgumentException("baseline must be finite, was " + baseline);
        }
        this.monitor = monitor;
        this.patience = patience;
        this.baseline = baseline;
        this.restoreBestWeights = restoreBestWeights;
        this.startFromEpoch = startFromEpoch;
        this.verbose = verbose;
    }

    /** Keras defaults: mode auto, min_delta 0, patience 0, no baseline, no restoring, start from epoch 0. */
    public static EarlyStopping monitor(String key) {
        return monitor(Monitor.of(key));
    }

    public static EarlyStopping monitor(Monitor monitor) {
        return new EarlyStopping(monitor, 0, null, false, 0, false);
    }

    public EarlyStopping mode(Monitor.Mode mode) {
        return new EarlyStopping(monitor.mode(mode), patience, baseline, restoreBestWeights, startFromEpoch, verbose);
    }

    public EarlyStopping minDelta(double minDelta) {
        return new EarlyStopping(monitor.minDelta(minDelta), patience, baseline, restoreBestWeights, startFromEpoch,
                verbose);
    }

    /** Epochs without improvement after which training stops. */
    public EarlyStopping patience(int patience) {
        return new EarlyStopping(monitor, patience, baseline, restoreBestWeights, startFromEpoch, verbose);
    }

    /** A value the monitored quantity must beat for the wait counter to reset. */
    public EarlyStopping baseline(double baseline) {
        return new EarlyStopping(monitor, patience, baseline, restoreBestWeights, startFromEpoch, verbose);
    }

    public EarlyStopping restoreBestWeights(boolean restoreBestWeights) {
        return new EarlyStopping(monitor, patience, baseline, restoreBestWeights, startFromEpoch, verbose);
    }

    /** Epochs to train before monitoring starts (a warm-up in which nothing stops training). */
    public EarlyStopping startFromEpoch(int startFromEpoch) {
        return new EarlyStopping(monitor, patience, baseline, restoreBestWeights, startFromEpoch, verbose);
    }

    /** Print Keras's messages when stopping and restoring. */
    public EarlyStopping verbose(boolean verbose) {
        return new EarlyStopping(monitor, patience, baseline, restoreBestWeights, startFromEpoch, verbose);
    }

    public Monitor monitor() {
        return monitor;
    }

    @Override
    public void onTrainBegin(Model model, FitPlan plan) {
        this.model = model;
        this.maximize = monitor.maximizes(model);
        wait = 0;
        stoppedEpoch = 0;
        best = null;
        bestEpoch = 0;
        bestWeights = null;
        warned = false;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Double current = monitor.value(logs);
        if (current == null) {
            warnMissing(logs);
            return;
        }
        if (epoch < startFromEpoch) {
            return;
        }
        if (restoreBestWeights && bestWeights == null) {
            bestWeights = model.weights();
            bestEpoch = epoch;
        }
        wait++;
        if (monitor.isImprovement(current, best, maximize)) {
            best = current;
            bestEpoch = epoch;
            if (restoreBestWeights) {
                bestWeights = model.weights();
            }
            if (baseline == null || monitor.isImprovement(current, baseline, maximize)) {
                wait = 0;
            }
            return;
        }
        if (wait >= patience && epoch > 0) {
            stoppedEpoch = epoch;
            model.stopTraining();
        }
    }

    @Override
    public void onTrainEnd(History history) {
        if (stoppedEpoch > 0 && verbose) {
            System.out.println("Epoch " + (stoppedEpoch + 1) + ": early stopping");
        }
        if (restoreBestWeights && bestWeights != null) {
            if (verbose) {
                System.out.println("Restoring model weights from the end of the best epoch: " + (bestEpoch + 1) + ".");
            }
            model.setWeights(bestWeights);
        }
    }

    /** The zero-based epoch at which training was stopped, or 0 when it was not (Keras's {@code stopped_epoch}). */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** The zero-based epoch with the best monitored value so far. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The best monitored value so far, or null before the first monitored epoch. */
    public Double best() {
        return best;
    }

    /** Epochs since the last improvement that counted (Keras's {@code wait}). */
    public int waited() {
        return wait;
    }

    private void warnMissing(Map<String, Double> logs) {
        if (!warned) {
            warned = true;
            System.getLogger(EarlyStopping.class.getName()).log(System.Logger.Level.WARNING,
                    "Early stopping conditioned on metric `" + monitor.key() + "` which is not available. "
                            + "Available metrics are: " + String.join(",", logs.keySet()));
        }
    }
}
