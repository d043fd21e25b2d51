package dev.strata.io;

import dev.strata.train.Callback;
import dev.strata.train.FitPlan;
import dev.strata.train.Model;
import dev.strata.train.Monitor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Keras's {@code ModelCheckpoint}: saves the model during {@code fit}, every epoch or every {@code n} batches,
 * optionally only when a monitored quantity improves. Files are Strata checkpoints (the whole training state, to
 * resume with {@link Checkpoints#restore}) or, with {@link #saveWeightsOnly}, weights files; every write is atomic.
 *
 * <pre>{@code
 * model.fit(data, FitOptions.epochs(50).validationSplit(0.1).callbacks(
 *         ModelCheckpoint.to("ckpt/epoch-{epoch:03d}-{val_loss:.4f}.ckpt").saveBestOnly(true)));
 * }</pre>
 *
 * <p>The path is a Python format string over {@code epoch} (1-based, as in Keras), {@code batch} (1-based, for
 * batch-frequency saves) and every key of the epoch's logs. Instances are immutable configurations; the best value
 * seen is state of the instance and carries over between {@code fit} calls that share it, as in Keras.
 *
 * <p>Where Strata differs: a {@code val_} monitor with {@code saveBestOnly} and no validation data fails when
 * {@code fit} starts, and a monitor missing from the logs fails at the first save, where Keras warns and saves
 * every epoch. File names are not forced to Keras's {@code .keras} / {@code .weights.h5} endings.
 */
public final class ModelCheckpoint implements Callback {
    private final FilePathTemplate path;
    private final Monitor monitor;
    private final boolean saveBestOnly;
    private final boolean saveWeightsOnly;
    private final int saveFreq;
    private final Double initialValueThreshold;
    private final PrintStream verbose;

    private Model model;
    private boolean maximize;
    private double best;
    private boolean bestSet;
    private int stepsPerEpoch;
    private int batchesInEpoch;
    private int batchesSinceSave;

    private ModelCheckpoint(FilePathTemplate path, Monitor monitor, boolean saveBestOnly, boolean saveWeightsOnly,
                            int saveFreq, Double initialValueThreshold, PrintStream verbose) {
        if (saveFreq < 0) {
            throw new IllegalArgumentException("save frequency must be a positive number of batches, was " + saveFreq);
        }
        this.path = path;
        this.monitor = monitor;
        this.saveBestOnly = saveBestOnly;
        this.saveWeightsOnly = saveWeightsOnly;
        this.saveFreq = saveFreq;
        this.initialValueThreshold = initialValueThreshold;
        this.verbose = verbose;
    }

    /** Keras defaults: monitor {@code val_loss}, mode auto, every epoch, every save kept, full training state. */
    public static ModelCheckpoint to(String filepath) {
        return new ModelCheckpoint(new FilePathTemplate(filepath), Monitor.of("val_loss"), false, false, 0, null,
                null);
    }

    public static ModelCheckpoint to(Path filepath) {
        return to(filepath.toString());
    }

    /** The logs key to judge by; keeps the mode. */
    public ModelCheckpoint monitor(String key) {
        return monitor(new Monitor(key, monitor.mode(), monitor.minDelta()));
    }

    /** Keras's {@code mode}: AUTO (from the key and the compiled metrics), MIN or MAX. */
    public ModelCheckpoint mode(Monitor.Mode mode) {
        return monitor(monitor.mode(mode));
    }

    /** The monitor type shared with {@code EarlyStopping}; Keras's ModelCheckpoint has no min_delta, Strata's may. */
    public ModelCheckpoint monitor(Monitor monitor) {
        return new ModelCheckpoint(path, monitor, saveBestOnly, saveWeightsOnly, saveFreq, initialValueThreshold,
                verbose);
    }

    /** Save only when the monitored quantity improves on the best so far. */
    public ModelCheckpoint saveBestOnly(boolean saveBestOnly) {
        return new ModelCheckpoint(path, monitor, saveBestOnly, saveWeightsOnly, saveFreq,
                initialValueThreshold, verbose);
    }

    /** Weights files instead of full training-state checkpoints. */
    public ModelCheckpoint saveWeightsOnly(boolean saveWeightsOnly) {
        return new ModelCheckpoint(path, monitor, saveBestOnly, saveWeightsOnly, saveFreq,
                initialValueThreshold, verbose);
    }

    /** Keras {@code save_freq='epoch'}: the default. */
    public ModelCheckpoint saveFreqEpoch() {
        return new ModelCheckpoint(path, monitor, saveBestOnly, saveWeightsOnly, 0, initialValueThreshold,
                verbose);
    }

    /**
     * Keras {@code save_freq=n}: save after every {@code n} batches, judged on the running logs of the epoch. A
     * training-state checkpoint saved inside an epoch records the epochs completed before it, so resuming repeats
     * that epoch from its first batch with the optimizer's later state: not bit-identical to an uninterrupted run.
     */
    public ModelCheckpoint saveFreq(int batches) {
        if (batches < 1) {
            throw new IllegalArgumentException("save frequency must be at least 1 batch, was " + batches);
        }
        return new ModelCheckpoint(path, monitor, saveBestOnly, saveWeightsOnly, batches,
                initialValueThreshold, verbose);
    }

    /** Keras {@code initial_value_threshold}: the best value to beat before the first save. */
    public ModelCheckpoint initialValueThreshold(double threshold) {
        return new ModelCheckpoint(path, monitor, saveBestOnly, saveWeightsOnly, saveFreq, threshold, verbose);
    }

    /** Keras {@code verbose=1}: a line per decision, to the given stream. */
    public ModelCheckpoint verbose(PrintStream out) {
        return new ModelCheckpoint(path, monitor, saveBestOnly, saveWeightsOnly, saveFreq,
                initialValueThreshold, out);
    }

    /** The best monitored value so far; NaN before the first improvement. */
    public double best() {
        return bestSet ? best : Double.NaN;
    }

    @Override
    public void onTrainBegin(Model model, FitPlan plan) {
        this.model = model;
        this.stepsPerEpoch = plan.stepsPerEpoch();
        // Only a best-only checkpoint needs a direction; Keras would fail on an unknown key even without one.
        this.maximize = saveBestOnly && monitor.maximizes(model);
        if (!bestSet && initialValueThreshold != null) {
            best = initialValueThreshold;
            bestSet = true;
        }
        String key = monitor.key();
        if (saveBestOnly && key.startsWith("val_") && plan.validationExamples() == 0) {
            throw new IllegalArgumentException("ModelCheckpoint monitors '" + key + "' but this fit has no "
                    + "validation data: pass validationData or validationSplit, or monitor '" + key.substring(4) + "'");
        }
        batchesSinceSave = 0;
    }

    @Override
    public void onEpochBegin(int epoch) {
        batchesInEpoch = 0;
    }

    @Override
    public void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {
        batchesInEpoch++;
        if (saveFreq > 0 && ++batchesSinceSave >= saveFreq) {
            batchesSinceSave = 0;
            save(epoch, batch, logs, false);
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (saveFreq == 0) {
            // model.stopTraining() from a batch hook ends an epoch early: that epoch still has to be trained.
            save(epoch, -1, logs, batchesInEpoch >= stepsPerEpoch);
        }
    }

    /** @param epochComplete whether every batch of {@code epoch} has run: decides the epochs-done count saved */
    private void save(int epoch, int batch, Map<String, Double> logs, boolean epochComplete) {
        Map<String, Number> fields = new HashMap<>(logs);
        fields.put("epoch", epoch + 1);
        if (batch >= 0) {
            fields.put("batch", batch + 1);
        }
        Path file = Path.of(path.format(fields));
        if (saveBestOnly && !improved(epoch, logs, file)) {
            return;
        }
        if (!saveBestOnly) {
            say("Epoch %d: saving model to %s", epoch + 1, file);
        }
        int epochsDone = epochComplete ? epoch + 1 : epoch;
        if (saveWeightsOnly) {
            Checkpoints.saveWeights(model, file, epochsDone);
        } else {
            Checkpoints.save(model, file, epochsDone);
        }
    }

    private boolean improved(int epoch, Map<String, Double> logs, Path file) {
        Double current = monitor.value(logs);
        if (current == null) {
            throw new IllegalStateException("ModelCheckpoint monitors '" + monitor.key() + "', which is not in the "
                    + "logs: " + logs.keySet());
        }
        String before = bestSet ? String.format(Locale.ROOT, "%.5f", best) : "None";
        // Keras's comparison, shared with EarlyStopping: a tie is no improvement and NaN never is one.
        boolean better = monitor.isImprovement(current, bestSet ? best : null, maximize);
        if (better) {
            say("Epoch %d: %s improved from %s to %.5f, saving model to %s", epoch + 1, monitor.key(), before, current,
                    file);
            best = current;
            bestSet = true;
        } else {
            say("Epoch %d: %s did not improve from %s", epoch + 1, monitor.key(), before);
        }
        return better;
    }

    private void say(String format, Object... args) {
        if (verbose != null) {
            verbose.println(String.format(Locale.ROOT, format, args));
        }
    }
}
