package dev.strata.train;

import dev.strata.spec.Metric;
import java.util.List;
import java.util.Map;

/**
 * A monitored log value and what counts as an improvement of it, as Keras's {@code MonitorCallback} (shared by
 * {@link EarlyStopping}, {@link ReduceLROnPlateau} and checkpoint callbacks).
 *
 * @param key the log key, for example {@code val_loss} or {@code val_auc}
 * @param mode {@code MIN}, {@code MAX}, or {@code AUTO} to infer the direction from the key
 * @param minDelta the smallest change that counts as an improvement (its sign is ignored, as in Keras)
 */
public record Monitor(String key, Mode mode, double minDelta) {

    /** Which way a monitored value should go. */
    public enum Mode {
        /** {@code loss} and error metrics go down, accuracies, AUC, precision and recall go up. */
        AUTO,
        MIN,
        MAX
    }

    public Monitor {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("monitor needs a log key such as val_loss");
        }
        if (mode == null) {
            throw new IllegalArgumentException("monitor mode must not be null");
        }
        if (!Double.isFinite(minDelta)) {
            throw new IllegalArgumentException("min_delta must be finite, was " + minDelta);
        }
        minDelta = Math.abs(minDelta);
    }

    /** Keras's default monitor, {@code val_loss} in {@code auto} mode, min_delta 0. */
    public static Monitor of(String key) {
        return new Monitor(key, Mode.AUTO, 0);
    }

    public Monitor mode(Mode mode) {
        return new Monitor(key, mode, minDelta);
    }

    public Monitor minDelta(double minDelta) {
        return new Monitor(key, mode, minDelta);
    }

    /**
     * Whether higher values are better for this model. {@code AUTO} strips a {@code val_} prefix and reads
     * {@code loss} (and Strata's {@code data_loss}, {@code regularization_loss}) as minimised and a compiled
     * metric by its Keras direction; any other key fails, as Keras's {@code ValueError} does.
     */
    public boolean maximizes(Model model) {
        String name = key.startsWith("val_") ? key.substring(4) : key;
        List<String> logged = new java.util.ArrayList<>(model.trainingGraph().logKeys());
        logged.add("learning_rate"); // logged by the learning-rate callbacks, as in Keras
        if (!logged.contains(name)) {
            // A misspelled key would otherwise never improve (or, in AUTO mode, have no direction): name the real ones.
            List<String> epochKeys = logged.subList(0, logged.size() - 1);
            List<String> all = new java.util.ArrayList<>(epochKeys);
            epochKeys.forEach(k -> all.add("val_" + k));
            throw new IllegalArgumentException("monitor='" + key + "' is not a value this model logs; it logs "
                    + String.join(", ", all) + " (val_ ones with validation data)");
        }
        if (mode != Mode.AUTO) {
            return mode == Mode.MAX;
        }
        if (name.equals("loss") || name.endsWith("_loss")) {
            return false; // loss, data_loss, regularization_loss and each output's <name>_loss
        }
        List<String> names = model.trainingGraph().metricNames();
        List<Metric> metrics = model.config().metrics();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name)) {
                return metrics.get(i).resolve(model.config().loss()).higherIsBetter();
            }
        }
        throw new IllegalArgumentException("monitor='" + key + "': cannot tell whether '" + name
                + "' should be maximized or minimized; give Monitor.Mode.MAX or Monitor.Mode.MIN");
    }

    /**
     * Keras's {@code _is_improvement}: true when there is no reference yet, else when {@code current} beats it by
     * more than {@code minDelta}. The comparison runs in float32, as Keras's {@code ops.less}/{@code ops.greater}
     * do on Python floats.
     */
    public boolean isImprovement(double current, Double reference, boolean maximize) {
        if (reference == null) {
            return true;
        }
        return maximize ? (float) (current - minDelta) > (float) (double) reference
                : (float) (current + minDelta) < (float) (double) reference;
    }

    /** The monitored value in these logs, or null when they do not have it. */
    public Double value(Map<String, Double> logs) {
        return logs.get(key);
    }
}
