package dev.strata.spec;

import java.util.Locale;

/** Metrics reported by fit and evaluate, with Keras names. {@code ACCURACY} resolves by loss as Keras does. */
public enum Metric {
    ACCURACY("accuracy"),
    BINARY_ACCURACY("binary_accuracy"),
    CATEGORICAL_ACCURACY("categorical_accuracy"),
    SPARSE_CATEGORICAL_ACCURACY("sparse_categorical_accuracy"),
    MEAN_ABSOLUTE_ERROR("mae"),
    MEAN_SQUARED_ERROR("mse");

    private final String kerasName;

    Metric(String kerasName) {
        this.kerasName = kerasName;
    }

    public String kerasName() {
        return kerasName;
    }

    /** The concrete metric Keras picks for {@code 'accuracy'} under the given loss. */
    public Metric resolve(Loss loss) {
        if (this != ACCURACY) {
            return this;
        }
        if (loss instanceof Loss.BinaryCrossentropy) {
            return BINARY_ACCURACY;
        }
        if (loss instanceof Loss.SparseCategoricalCrossentropy) {
            return SPARSE_CATEGORICAL_ACCURACY;
        }
        return CATEGORICAL_ACCURACY;
    }

    public static Metric fromKerasName(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        switch (key) {
            case "acc", "accuracy":
                return ACCURACY;
            case "mean_absolute_error":
                return MEAN_ABSOLUTE_ERROR;
            case "mean_squared_error":
                return MEAN_SQUARED_ERROR;
            default:
                for (Metric m : values()) {
                    if (m.kerasName.equals(key)) {
                        return m;
                    }
                }
                throw new SpecException("unknown metric '" + name + "'");
        }
    }
}
