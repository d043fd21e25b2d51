package dev.strata.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-epoch logs of a {@code fit}, as Keras's {@code History.history}: {@code loss} (data loss plus
 * penalties, the Keras number), {@code data_loss}, {@code regularization_loss}, each metric, and the same
 * with a {@code val_} prefix when there is validation data.
 */
public final class History {
    private final List<Map<String, Double>> epochs = new ArrayList<>();
    private final List<Integer> epochNumbers = new ArrayList<>();

    void add(int epoch, Map<String, Double> logs) {
        epochs.add(Collections.unmodifiableMap(new LinkedHashMap<>(logs)));
        epochNumbers.add(epoch);
    }

    /** Number of epochs recorded. */
    public int size() {
        return epochs.size();
    }

    /** The logs of the i-th recorded epoch. */
    public Map<String, Double> epoch(int i) {
        return epochs.get(i);
    }

    /** The zero-based epoch number of the i-th record (differs from i when training resumed). */
    public int epochNumber(int i) {
        return epochNumbers.get(i);
    }

    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Map<String, Double> e : epochs) {
            keys.addAll(e.keySet());
        }
        return keys;
    }

    /** The values of one key over the epochs, for example {@code history.get("val_loss")}. */
    public double[] get(String key) {
        double[] out = new double[epochs.size()];
        for (int i = 0; i < out.length; i++) {
            Double v = epochs.get(i).get(key);
            if (v == null) {
                throw new IllegalArgumentException("history has no '" + key + "' at epoch " + i + "; keys: " + keys());
            }
            out[i] = v;
        }
        return out;
    }

    public double last(String key) {
        double[] all = get(key);
        if (all.length == 0) {
            throw new IllegalStateException("history is empty");
        }
        return all[all.length - 1];
    }

    public boolean has(String key) {
        return !epochs.isEmpty() && epochs.get(epochs.size() - 1).containsKey(key);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < epochs.size(); i++) {
            sb.append("epoch ").append(epochNumbers.get(i) + 1).append(": ").append(Logs.format(epochs.get(i))).append('\n');
        }
        return sb.toString();
    }
}
