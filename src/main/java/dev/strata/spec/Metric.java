package dev.strata.spec;

import java.util.Locale;

/**
 * Metrics reported by fit and evaluate, with Keras names and Keras defaults. {@code ACCURACY} resolves by loss
 * as Keras does. {@code AUC} is Keras's {@code AUC()}: 200 thresholds, ROC curve, interpolated summation;
 * {@code PRECISION} and {@code RECALL} use Keras's default threshold 0.5. Like Keras, the confusion-matrix
 * metrics flatten every output value into one binary decision and read any non-zero target as positive.
 */
public enum Metric {
    ACCURACY("accuracy", true),
    BINARY_ACCURACY("binary_accuracy", true),
    CATEGORICAL_ACCURACY("categorical_accuracy", true),
    SPARSE_CATEGORICAL_ACCURACY("sparse_categorical_accuracy", true),
    MEAN_ABSOLUTE_ERROR("mae", false),
    MEAN_SQUARED_ERROR("mse", false),
    AUC("auc", true),
    PRECISION("precision", true),
    RECALL("recall", true);

    /** Keras's default {@code num_thresholds} of {@code AUC}. */
    public static final int AUC_THRESHOLDS = 200;

    /** Keras's default decision threshold of {@code Precision} and {@code Recall}. */
    public static final float DECISION_THRESHOLD = 0.5f;

    private final String kerasName;
    private final boolean higherIsBetter;

    Metric(String kerasName, boolean higherIsBetter) {
        this.kerasName = kerasName;
        this.higherIsBetter = higherIsBetter;
    }

    public String kerasName() {
        return kerasName;
    }

    /**
     * Keras's {@code _direction == "up"}: what a monitor in {@code auto} mode maximises. Accuracies, AUC,
     * precision and recall go up; error metrics go down.
     */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /**
     * True for the metrics whose epoch value is a formula over accumulated confusion counts rather than a
     * mean of per-example values; they need targets shaped like the model output.
     */
    public boolean isConfusionMetric() {
        return this == AUC || this == PRECISION || this == RECALL;
    }

    /**
     * The concrete metric Keras picks for {@code 'accuracy'} under the given loss: binary accuracy for the binary
     * losses (binary and focal crossentropy, hinge, squared hinge), sparse for the sparse crossentropy, else
     * categorical. (Keras 3 decides by the shapes of target and output, which gives the same for the usual shapes.)
     */
    public Metric resolve(Loss loss) {
        if (this != ACCURACY) {
            return this;
        }
        if (loss instanceof Loss.BinaryCrossentropy || loss instanceof Loss.BinaryFocalCrossentropy
                || loss instanceof Loss.Hinge || loss instanceof Loss.SquaredHinge) {
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
