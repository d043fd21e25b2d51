package dev.strata.train;

import dev.strata.json.PythonFloat;
import java.util.Map;

/**
 * Multiplies the learning rate by {@code factor} when a monitored value has not improved for {@code patience}
 * epochs, with Keras 3's semantics: an improvement must beat the best by more than {@code minDelta}; after a
 * reduction, {@code cooldown} epochs pass in which the wait counter stays at zero; the rate never goes below
 * {@code minLr}, and once it is there nothing more happens. Adds {@code learning_rate} (the rate the epoch
 * trained with) to each epoch's logs, as Keras 3 does. Immutable configuration: each method returns a copy.
 *
 * <pre>{@code
 * ReduceLROnPlateau.monitor("val_loss").factor(0.5).patience(2).minLr(1e-5)
 * }</pre>
 */
public final class ReduceLROnPlateau implements Callback {
    private final Monitor monitor;
    private final double factor;
    private final int patience;
    private final int cooldown;
    private final double minLr;
    private final boolean verbose;

    private Model model;
    private boolean maximize;
    private Double best;
    private int wait;
    private int cooldownCounter;
    private boolean warned;

    private ReduceLROnPlateau(Monitor monitor, double factor, int patience, int cooldown, double minLr,
                              boolean verbose) {
        if (!(factor >= 0 && factor < 1)) {
            throw new IllegalArgumentException("ReduceLROnPlateau does not support a factor outside [0, 1). "
                    + "Received factor=" + factor);
        }
        if (patience < 0 || cooldown < 0) {
            throw new IllegalArgumentException("patience and cooldown must be >= 0, were " + patience + ", "
                    + cooldown);
        }
        if (!(minLr >= 0) || Double.isInfinite(minLr)) {
            throw new IllegalArgumentException("min_lr must be >= 0 and finite, was " + minLr);
        }
        this.monitor = monitor;
        this.factor = factor;
        this.patience = patience;
        this.cooldown = cooldown;
        this.minLr = minLr;
        this.verbose = verbose;
    }

    /** Keras defaults: mode auto, factor 0.1, patience 10, min_delta 1e-4, cooldown 0, min_lr 0. */
    public static ReduceLROnPlateau monitor(String key) {
        return new ReduceLROnPlateau(Monitor.of(key).minDelta(1e-4), 0.1, 10, 0, 0, false);
    }

    public static ReduceLROnPlateau monitor(Monitor monitor) {
        return new ReduceLROnPlateau(monitor, 0.1, 10, 0, 0, false);
    }

    public ReduceLROnPlateau mode(Monitor.Mode mode) {
        return new ReduceLROnPlateau(monitor.mode(mode), factor, patience, cooldown, minLr, verbose);
    }

    public ReduceLROnPlateau minDelta(double minDelta) {
        return new ReduceLROnPlateau(monitor.minDelta(minDelta), factor, patience, cooldown, minLr, verbose);
    }

    /** New rate = rate * factor, in [0, 1). */
    public ReduceLROnPlateau factor(double factor) {
        return new ReduceLROnPlateau(monitor, factor, patience, cooldown, minLr, verbose);
    }

    public ReduceLROnPlateau patience(int patience) {
        return new ReduceLROnPlateau(monitor, factor, patience, cooldown, minLr, verbose);
    }

    /** Epochs to wait after a reduction before counting epochs without improvement again. */
    public ReduceLROnPlateau cooldown(int cooldown) {
        return new ReduceLROnPlateau(monitor, factor, patience, cooldown, minLr, verbose);
    }

    public ReduceLROnPlateau minLr(double minLr) {
        return new ReduceLROnPlateau(monitor, factor, patience, cooldown, minLr, verbose);
    }

    /** Print Keras's message on each reduction. */
    public ReduceLROnPlateau verbose(boolean verbose) {
        return new ReduceLROnPlateau(monitor, factor, patience, cooldown, minLr, verbose);
    }

    public Monitor monitor() {
        return monitor;
    }

    @Override
    public void onTrainBegin(Model model, FitPlan plan) {
        // Refused up front rather than at the first change, which may come many epochs in.
        ScheduledRates.requireSettable(model, "ReduceLROnPlateau");
        this.model = model;
        this.maximize = monitor.maximizes(model);
        best = null;
        wait = 0;
        cooldownCounter = 0;
        warned = false;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        logs.put("learning_rate", model.learningRate());
        Double current = monitor.value(logs);
        if (current == null) {
            if (!warned) {
                warned = true;
                System.getLogger(ReduceLROnPlateau.class.getName()).log(System.Logger.Level.WARNING,
                        "Learning rate reduction is conditioned on metric `" + monitor.key()
                                + "` which is not available. Available metrics are: " + String.join(",", logs.keySet())
                                + ".");
            }
            return;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            wait = 0;
        }
        if (monitor.isImprovement(current, best, maximize)) {
            best = current;
            wait = 0;
        } else if (cooldownCounter == 0) {
            wait++;
            if (wait >= patience && reduce(epoch)) {
                cooldownCounter = cooldown;
                wait = 0;
            }
        }
    }

    /** Keras's {@code _reduce_optimizer_lr}: nothing once the rate is at {@code minLr} (compared in float32). */
    private boolean reduce(int epoch) {
        double old = model.learningRate();
        if (!(old > (float) minLr)) {
            return false;
        }
        double lr = Math.max(old * factor, minLr);
        model.setLearningRate(lr);
        if (verbose) {
            System.out.println("Epoch " + (epoch + 1) + ": ReduceLROnPlateau reducing learning rate to "
                    + PythonFloat.repr(lr) + ".");
        }
        return true;
    }
}
