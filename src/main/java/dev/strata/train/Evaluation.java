package dev.strata.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code evaluate} reports: {@code loss} (Keras's number: data loss plus penalties, activity penalties
 * taken with dropout off), {@code data_loss} and {@code regularization_loss} apart, and each metric.
 */
public record Evaluation(Map<String, Double> values) {
    public Evaluation {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public double loss() {
        return get("loss");
    }

    public double dataLoss() {
        return get("data_loss");
    }

    public double regularizationLoss() {
        return get("regularization_loss");
    }

    public double get(String key) {
        Double v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no '" + key + "' in evaluation; keys: " + values.keySet());
        }
        return v;
    }

    @Override
    public String toString() {
        return Logs.format(values);
    }
}
