package dev.strata.spec;

/**
 * The data loss: Keras 3's loss classes, with their names, arguments and defaults. Each loss computes one value per
 * example (the mean or sum over the last axis) and reduces them with its {@link Reduction}, by default Keras's
 * {@code sum_over_batch_size}. As in Keras 3 (TensorFlow backend), a crossentropy placed right after a softmax or
 * sigmoid is computed from that activation's logits, which is both exact and numerically stable.
 *
 * <p>Fluent: {@code Loss.sparseCategoricalCrossentropy().fromLogits(true)},
 * {@code Loss.binaryCrossentropy().labelSmoothing(0.1).reduction(Reduction.SUM)}, {@code Loss.huber(2.0)}.
 */
public sealed interface Loss {

    /** Keras's default reduction. */
    Reduction DEFAULT_REDUCTION = Reduction.SUM_OVER_BATCH_SIZE;

    /**
     * The Keras function name, written as a string in a {@code training_config}: the class name in snake case
     * ({@code MeanSquaredError}, {@code mean_squared_error}), as Keras names its loss functions.
     */
    default String kerasName() {
        return className().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** How the per-example values become the loss. */
    Reduction reduction();

    /** The same loss with another reduction. */
    Loss reduction(Reduction reduction);

    /** The Keras 3 class name, e.g. {@code MeanSquaredError}: the record's own name. */
    default String className() {
        return getClass().getSimpleName();
    }

    /** True for the classification losses, which need a class axis and for which {@code accuracy} is a class match. */
    default boolean isClassification() {
        return false;
    }

    static MeanSquaredError meanSquaredError() {
        return new MeanSquaredError(DEFAULT_REDUCTION);
    }

    static MeanAbsoluteError meanAbsoluteError() {
        return new MeanAbsoluteError(DEFAULT_REDUCTION);
    }

    static MeanAbsolutePercentageError meanAbsolutePercentageError() {
        return new MeanAbsolutePercentageError(DEFAULT_REDUCTION);
    }

    static MeanSquaredLogarithmicError meanSquaredLogarithmicError() {
        return new MeanSquaredLogarithmicError(DEFAULT_REDUCTION);
    }

    /** Huber with Keras's default {@code delta = 1.0}. */
    static Huber huber() {
        return huber(1.0);
    }

    static Huber huber(double delta) {
        return new Huber(delta, DEFAULT_REDUCTION);
    }

    static LogCosh logCosh() {
        return new LogCosh(DEFAULT_REDUCTION);
    }

    static Poisson poisson() {
        return new Poisson(DEFAULT_REDUCTION);
    }

    static KLDivergence klDivergence() {
        return new KLDivergence(DEFAULT_REDUCTION);
    }

    /** Cosine similarity over the last axis (Keras's default {@code axis = -1}). */
    static CosineSimilarity cosineSimilarity() {
        return new CosineSimilarity(-1, DEFAULT_REDUCTION);
    }

    static Hinge hinge() {
        return new Hinge(DEFAULT_REDUCTION);
    }

    static SquaredHinge squaredHinge() {
        return new SquaredHinge(DEFAULT_REDUCTION);
    }

    static CategoricalHinge categoricalHinge() {
        return new CategoricalHinge(DEFAULT_REDUCTION);
    }

    static BinaryCrossentropy binaryCrossentropy() {
        return new BinaryCrossentropy(false, 0, DEFAULT_REDUCTION);
    }

    static CategoricalCrossentropy categoricalCrossentropy() {
        return new CategoricalCrossentropy(false, 0, DEFAULT_REDUCTION);
    }

    static SparseCategoricalCrossentropy sparseCategoricalCrossentropy() {
        return new SparseCategoricalCrossentropy(false, DEFAULT_REDUCTION);
    }

    /** Keras's defaults: no class balancing, {@code alpha = 0.25}, {@code gamma = 2.0}, probabilities, no smoothing. */
    static BinaryFocalCrossentropy binaryFocalCrossentropy() {
        return new BinaryFocalCrossentropy(false, 0.25, 2.0, false, 0, DEFAULT_REDUCTION);
    }

    /** Mean over the last axis of {@code (y - p)^2}. */
    record MeanSquaredError(Reduction reduction) implements Loss {
        public MeanSquaredError {
            Checks.notNull("MeanSquaredError", "reduction", reduction);
        }

        public MeanSquaredError reduction(Reduction r) {
            return new MeanSquaredError(r);
        }
    }

    /** Mean over the last axis of {@code |y - p|}. */
    record MeanAbsoluteError(Reduction reduction) implements Loss {
        public MeanAbsoluteError {
            Checks.notNull("MeanAbsoluteError", "reduction", reduction);
        }

        public MeanAbsoluteError reduction(Reduction r) {
            return new MeanAbsoluteError(r);
        }
    }

    /** {@code 100 * mean(|(y - p) / max(|y|, 1e-7)|)} over the last axis. */
    record MeanAbsolutePercentageError(Reduction reduction) implements Loss {
        public MeanAbsolutePercentageError {
            Checks.notNull("MeanAbsolutePercentageError", "reduction", reduction);
        }

        public MeanAbsolutePercentageError reduction(Reduction r) {
            return new MeanAbsolutePercentageError(r);
        }
    }

    /** {@code mean((log(max(p, 1e-7) + 1) - log(max(y, 1e-7) + 1))^2)} over the last axis. */
    record MeanSquaredLogarithmicError(Reduction reduction) implements Loss {
        public MeanSquaredLogarithmicError {
            Checks.notNull("MeanSquaredLogarithmicError", "reduction", reduction);
        }

        public MeanSquaredLogarithmicError reduction(Reduction r) {
            return new MeanSquaredLogarithmicError(r);
        }
    }

    /**
     * Per value {@code 0.5 e^2} where {@code |e| <= delta}, else {@code delta |e| - 0.5 delta^2}; mean over the last
     * axis. Keras accepts any delta; a delta of 0 or less makes the loss 0 or negative, so Strata refuses it.
     */
    record Huber(double delta, Reduction reduction) implements Loss {
        public Huber {
            Checks.positiveFinite("Huber", "delta", delta);
            Checks.notNull("Huber", "reduction", reduction);
        }

        public Huber delta(double d) {
            return new Huber(d, reduction);
        }

        public Huber reduction(Reduction r) {
            return new Huber(delta, r);
        }
    }

    /** Mean over the last axis of {@code log(cosh(p - y))}, as Keras writes it: {@code e + softplus(-2e) - log 2}. */
    record LogCosh(Reduction reduction) implements Loss {
        public LogCosh {
            Checks.notNull("LogCosh", "reduction", reduction);
        }

        public LogCosh reduction(Reduction r) {
            return new LogCosh(r);
        }
    }

    /** Mean over the last axis of {@code p - y log(p + 1e-7)}. */
    record Poisson(Reduction reduction) implements Loss {
        public Poisson {
            Checks.notNull("Poisson", "reduction", reduction);
        }

        public Poisson reduction(Reduction r) {
            return new Poisson(r);
        }
    }

    /** Sum over the last axis of {@code y log(y / p)}, both clipped to {@code [1e-7, 1]}. */
    record KLDivergence(Reduction reduction) implements Loss {
        public KLDivergence {
            Checks.notNull("KLDivergence", "reduction", reduction);
        }

        public KLDivergence reduction(Reduction r) {
            return new KLDivergence(r);
        }

        public String kerasName() {
            return "kl_divergence";
        }
    }

    /**
     * Minus the cosine of target and prediction along {@code axis} (the batch axis excluded): -1 when they point the
     * same way. A zero vector is normalized with Keras's bound {@code 1 / max(norm, ...)} capped at 1e7.
     */
    record CosineSimilarity(int axis, Reduction reduction) implements Loss {
        public CosineSimilarity {
            Checks.notNull("CosineSimilarity", "reduction", reduction);
        }

        public CosineSimilarity axis(int a) {
            return new CosineSimilarity(a, reduction);
        }

        public CosineSimilarity reduction(Reduction r) {
            return new CosineSimilarity(axis, r);
        }
    }

    /** Mean of {@code max(1 - y p, 0)}; targets of only 0 and 1 in a batch are read as -1 and 1, as Keras does. */
    record Hinge(Reduction reduction) implements Loss {
        public Hinge {
            Checks.notNull("Hinge", "reduction", reduction);
        }

        public Hinge reduction(Reduction r) {
            return new Hinge(r);
        }
    }

    /** Mean of {@code max(1 - y p, 0)^2}, with {@link Hinge}'s target conversion. */
    record SquaredHinge(Reduction reduction) implements Loss {
        public SquaredHinge {
            Checks.notNull("SquaredHinge", "reduction", reduction);
        }

        public SquaredHinge reduction(Reduction r) {
            return new SquaredHinge(r);
        }
    }

    /** {@code max(max((1 - y) p) - sum(y p) + 1, 0)} per example, for one-hot targets. */
    record CategoricalHinge(Reduction reduction) implements Loss {
        public CategoricalHinge {
            Checks.notNull("CategoricalHinge", "reduction", reduction);
        }

        public CategoricalHinge reduction(Reduction r) {
            return new CategoricalHinge(r);
        }
    }

    record BinaryCrossentropy(boolean fromLogits, double labelSmoothing, Reduction reduction) implements Loss {
        public BinaryCrossentropy {
            Checks.inHalfOpenUnit("BinaryCrossentropy", "label_smoothing", labelSmoothing);
            Checks.notNull("BinaryCrossentropy", "reduction", reduction);
        }

        public BinaryCrossentropy(boolean fromLogits, double labelSmoothing) {
            this(fromLogits, labelSmoothing, DEFAULT_REDUCTION);
        }

        /** Whether the model outputs logits (no sigmoid), which the loss then applies itself. */
        public BinaryCrossentropy fromLogits(boolean on) {
            return new BinaryCrossentropy(on, labelSmoothing, reduction);
        }

        /** Targets {@code y} become {@code y (1 - s) + s / 2}. */
        public BinaryCrossentropy labelSmoothing(double s) {
            return new BinaryCrossentropy(fromLogits, s, reduction);
        }

        public BinaryCrossentropy reduction(Reduction r) {
            return new BinaryCrossentropy(fromLogits, labelSmoothing, r);
        }

        public boolean isClassification() {
            return true;
        }
    }

    record CategoricalCrossentropy(boolean fromLogits, double labelSmoothing, Reduction reduction) implements Loss {
        public CategoricalCrossentropy {
            Checks.inHalfOpenUnit("CategoricalCrossentropy", "label_smoothing", labelSmoothing);
            Checks.notNull("CategoricalCrossentropy", "reduction", reduction);
        }

        public CategoricalCrossentropy(boolean fromLogits, double labelSmoothing) {
            this(fromLogits, labelSmoothing, DEFAULT_REDUCTION);
        }

        /** Whether the model outputs logits (no softmax), which the loss then applies itself. */
        public CategoricalCrossentropy fromLogits(boolean on) {
            return new CategoricalCrossentropy(on, labelSmoothing, reduction);
        }

        /** Targets {@code y} become {@code y (1 - s) + s / classes}. */
        public CategoricalCrossentropy labelSmoothing(double s) {
            return new CategoricalCrossentropy(fromLogits, s, reduction);
        }

        public CategoricalCrossentropy reduction(Reduction r) {
            return new CategoricalCrossentropy(fromLogits, labelSmoothing, r);
        }

        public boolean isClassification() {
            return true;
        }
    }

    /** Targets are class indices (stored as floats), one per example. Keras 3 offers no label smoothing here. */
    record SparseCategoricalCrossentropy(boolean fromLogits, Reduction reduction) implements Loss {
        public SparseCategoricalCrossentropy {
            Checks.notNull("SparseCategoricalCrossentropy", "reduction", reduction);
        }

        public SparseCategoricalCrossentropy(boolean fromLogits) {
            this(fromLogits, DEFAULT_REDUCTION);
        }

        /** Whether the model outputs logits (no softmax), which the loss then applies itself. */
        public SparseCategoricalCrossentropy fromLogits(boolean on) {
            return new SparseCategoricalCrossentropy(on, reduction);
        }

        public SparseCategoricalCrossentropy reduction(Reduction r) {
            return new SparseCategoricalCrossentropy(fromLogits, r);
        }

        public boolean isClassification() {
            return true;
        }
    }

    /**
     * Binary crossentropy times {@code (1 - p_t)^gamma} (Lin et al.), {@code p_t} the probability given to the true
     * class, and with class balancing times {@code alpha} for positives, {@code 1 - alpha} for negatives.
     */
    record BinaryFocalCrossentropy(boolean applyClassBalancing, double alpha, double gamma, boolean fromLogits,
                                   double labelSmoothing, Reduction reduction) implements Loss {
        public BinaryFocalCrossentropy {
            String where = "BinaryFocalCrossentropy";
            Checks.finite(where, "alpha", alpha);
            Checks.nonNegativeFinite(where, "gamma", gamma);
            Checks.inHalfOpenUnit(where, "label_smoothing", labelSmoothing);
            Checks.notNull(where, "reduction", reduction);
        }

        /** Weighs positives by {@code alpha} and negatives by {@code 1 - alpha}. */
        public BinaryFocalCrossentropy applyClassBalancing(boolean on) {
            return new BinaryFocalCrossentropy(on, alpha, gamma, fromLogits, labelSmoothing, reduction);
        }

        public BinaryFocalCrossentropy alpha(double a) {
            return new BinaryFocalCrossentropy(applyClassBalancing, a, gamma, fromLogits, labelSmoothing, reduction);
        }

        public BinaryFocalCrossentropy gamma(double g) {
            return new BinaryFocalCrossentropy(applyClassBalancing, alpha, g, fromLogits, labelSmoothing, reduction);
        }

        public BinaryFocalCrossentropy fromLogits(boolean on) {
            return new BinaryFocalCrossentropy(applyClassBalancing, alpha, gamma, on, labelSmoothing, reduction);
        }

        public BinaryFocalCrossentropy labelSmoothing(double s) {
            return new BinaryFocalCrossentropy(applyClassBalancing, alpha, gamma, fromLogits, s, reduction);
        }

        public BinaryFocalCrossentropy reduction(Reduction r) {
            return new BinaryFocalCrossentropy(applyClassBalancing, alpha, gamma, fromLogits, labelSmoothing, r);
        }

        public boolean isClassification() {
            return true;
        }
    }
}
