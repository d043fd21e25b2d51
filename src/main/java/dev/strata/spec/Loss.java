package dev.strata.spec;

/**
 * The data loss, reduced as Keras's {@code sum_over_batch_size}: a per-example loss averaged over the batch.
 * As in Keras 3 (TensorFlow backend), a probability loss placed right after a softmax or sigmoid is computed
 * from that activation's logits, which is both exact and numerically stable.
 */
public sealed interface Loss {

    /** The Keras function name written in a {@code training_config}, for example {@code mean_squared_error}. */
    String kerasName();

    static Loss meanSquaredError() {
        return new MeanSquaredError();
    }

    static Loss meanAbsoluteError() {
        return new MeanAbsoluteError();
    }

    static Loss binaryCrossentropy() {
        return new BinaryCrossentropy(false, 0);
    }

    static Loss categoricalCrossentropy() {
        return new CategoricalCrossentropy(false, 0);
    }

    static Loss sparseCategoricalCrossentropy() {
        return new SparseCategoricalCrossentropy(false);
    }

    /** True for the classification losses, for which {@code accuracy} means a class match. */
    default boolean isClassification() {
        return false;
    }

    /** Mean over the last axis of {@code (y - p)^2}. */
    record MeanSquaredError() implements Loss {
        public String kerasName() {
            return "mean_squared_error";
        }
    }

    /** Mean over the last axis of {@code |y - p|}. */
    record MeanAbsoluteError() implements Loss {
        public String kerasName() {
            return "mean_absolute_error";
        }
    }

    record BinaryCrossentropy(boolean fromLogits, double labelSmoothing) implements Loss {
        public BinaryCrossentropy {
            Checks.inHalfOpenUnit("BinaryCrossentropy", "label_smoothing", labelSmoothing);
        }

        public String kerasName() {
            return "binary_crossentropy";
        }

        public boolean isClassification() {
            return true;
        }
    }

    record CategoricalCrossentropy(boolean fromLogits, double labelSmoothing) implements Loss {
        public CategoricalCrossentropy {
            Checks.inHalfOpenUnit("CategoricalCrossentropy", "label_smoothing", labelSmoothing);
        }

        public String kerasName() {
            return "categorical_crossentropy";
        }

        public boolean isClassification() {
            return true;
        }
    }

    /** Targets are class indices (stored as floats), one per example. */
    record SparseCategoricalCrossentropy(boolean fromLogits) implements Loss {
        public String kerasName() {
            return "sparse_categorical_crossentropy";
        }

        public boolean isClassification() {
            return true;
        }
    }
}
