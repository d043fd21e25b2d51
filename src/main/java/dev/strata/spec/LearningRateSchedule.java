package dev.strata.spec;

import java.util.List;

/**
 * Keras 3's learning-rate schedules ({@code keras.optimizers.schedules}): the rate as a function of the optimizer's
 * step count (its {@code iterations}, which checkpoints keep). Give one to any optimizer with
 * {@link Optimizer#learningRate(LearningRateSchedule)}; the rate is then computed in the graph, in float32 as Keras
 * computes it, and can no longer be set by callbacks (Keras refuses that too).
 *
 * <pre>{@code
 * Optimizer.sgd().learningRate(LearningRateSchedule.exponentialDecay(0.1, 1000, 0.96))
 * }</pre>
 */
public sealed interface LearningRateSchedule {

    /** Keras's class name, as serialized. */
    String kerasClassName();

    /** The schedule's {@code name} (Keras's default when not given). */
    String name();

    /** The rate at step 0, for display and as the optimizer's nominal rate. */
    double initialLearningRate();

    static ExponentialDecay exponentialDecay(double initialLearningRate, double decaySteps, double decayRate) {
        return new ExponentialDecay(initialLearningRate, decaySteps, decayRate, false, "ExponentialDecay");
    }

    static PiecewiseConstantDecay piecewiseConstantDecay(List<Long> boundaries, List<Double> values) {
        return new PiecewiseConstantDecay(boundaries, values, "PiecewiseConstant");
    }

    /** Keras defaults: end rate 1e-4, power 1, no cycling. */
    static PolynomialDecay polynomialDecay(double initialLearningRate, double decaySteps) {
        return new PolynomialDecay(initialLearningRate, decaySteps, 0.0001, 1.0, false, "PolynomialDecay");
    }

    static InverseTimeDecay inverseTimeDecay(double initialLearningRate, double decaySteps, double decayRate) {
        return new InverseTimeDecay(initialLearningRate, decaySteps, decayRate, false, "InverseTimeDecay");
    }

    /** Keras defaults: alpha 0, no warmup. */
    static CosineDecay cosineDecay(double initialLearningRate, double decaySteps) {
        return new CosineDecay(initialLearningRate, decaySteps, 0.0, null, 0, "CosineDecay");
    }

    /** Keras defaults: t_mul 2, m_mul 1, alpha 0. */
    static CosineDecayRestarts cosineDecayRestarts(double initialLearningRate, double firstDecaySteps) {
        return new CosineDecayRestarts(initialLearningRate, firstDecaySteps, 2.0, 1.0, 0.0, "SGDRDecay");
    }

    /** {@code lr0 * rate^(step / decay_steps)}, the exponent floored when {@code staircase}. */
    record ExponentialDecay(double initialLearningRate, double decaySteps, double decayRate, boolean staircase,
                            String name) implements LearningRateSchedule {
        public ExponentialDecay {
            checkRate("ExponentialDecay", "initial_learning_rate", initialLearningRate);
            checkSteps("ExponentialDecay", "decay_steps", decaySteps);
            checkFinite("ExponentialDecay", "decay_rate", decayRate);
            name = name == null ? "ExponentialDecay" : name;
        }

        public ExponentialDecay staircase(boolean on) {
            return new ExponentialDecay(initialLearningRate, decaySteps, decayRate, on, name);
        }

        public String kerasClassName() {
            return "ExponentialDecay";
        }
    }

    /** {@code values[0]} while {@code step <= boundaries[0]}, then {@code values[i]} up to {@code boundaries[i]}. */
    record PiecewiseConstantDecay(List<Long> boundaries, List<Double> values, String name)
            implements LearningRateSchedule {
        public PiecewiseConstantDecay {
            Checks.notNull("PiecewiseConstantDecay", "boundaries", boundaries);
            Checks.notNull("PiecewiseConstantDecay", "values", values);
            boundaries = List.copyOf(boundaries);
            values = List.copyOf(values);
            if (boundaries.size() != values.size() - 1) {
                throw new InvalidSpecException("PiecewiseConstantDecay", "boundaries", "should be 1 less long than "
                        + "values. Received: boundaries=" + boundaries + " of length " + boundaries.size()
                        + ", and values=" + values + " of length " + values.size());
            }
            for (double v : values) {
                checkRate("PiecewiseConstantDecay", "values", v);
            }
            name = name == null ? "PiecewiseConstant" : name;
        }

        public String kerasClassName() {
            return "PiecewiseConstantDecay";
        }

        public double initialLearningRate() {
            return values.get(0);
        }
    }

    /** {@code (lr0 - end) * (1 - step / decay_steps)^power + end}; with {@code cycle} the decay restarts. */
    record PolynomialDecay(double initialLearningRate, double decaySteps, double endLearningRate, double power,
                           boolean cycle, String name) implements LearningRateSchedule {
        public PolynomialDecay {
            checkRate("PolynomialDecay", "initial_learning_rate", initialLearningRate);
            checkSteps("PolynomialDecay", "decay_steps", decaySteps);
            checkRate("PolynomialDecay", "end_learning_rate", endLearningRate);
            checkFinite("PolynomialDecay", "power", power);
            name = name == null ? "PolynomialDecay" : name;
        }

        public PolynomialDecay endLearningRate(double end) {
            return new PolynomialDecay(initialLearningRate, decaySteps, end, power, cycle, name);
        }

        public PolynomialDecay power(double p) {
            return new PolynomialDecay(initialLearningRate, decaySteps, endLearningRate, p, cycle, name);
        }

        public PolynomialDecay cycle(boolean on) {
            return new PolynomialDecay(initialLearningRate, decaySteps, endLearningRate, power, on, name);
        }

        public String kerasClassName() {
            return "PolynomialDecay";
        }
    }

    /** {@code lr0 / (1 + rate * step / decay_steps)}, the quotient floored when {@code staircase}. */
    record InverseTimeDecay(double initialLearningRate, double decaySteps, double decayRate, boolean staircase,
                            String name) implements LearningRateSchedule {
        public InverseTimeDecay {
            checkRate("InverseTimeDecay", "initial_learning_rate", initialLearningRate);
            checkSteps("InverseTimeDecay", "decay_steps", decaySteps);
            checkFinite("InverseTimeDecay", "decay_rate", decayRate);
            name = name == null ? "InverseTimeDecay" : name;
        }

        public InverseTimeDecay staircase(boolean on) {
            return new InverseTimeDecay(initialLearningRate, decaySteps, decayRate, on, name);
        }

        public String kerasClassName() {
            return "InverseTimeDecay";
        }
    }

    /**
     * Cosine decay from {@code lr0} (or from {@code warmupTarget}, after a linear warmup of {@code warmupSteps}
     * from {@code lr0}) to {@code alpha} times that rate over {@code decaySteps}. {@code warmupTarget} null: no
     * warmup, and {@code warmupSteps} is ignored, as in Keras.
     */
    record CosineDecay(double initialLearningRate, double decaySteps, double alpha, Double warmupTarget,
                       double warmupSteps, String name) implements LearningRateSchedule {
        public CosineDecay {
            checkRate("CosineDecay", "initial_learning_rate", initialLearningRate);
            checkSteps("CosineDecay", "decay_steps", decaySteps);
            checkFinite("CosineDecay", "alpha", alpha);
            if (warmupTarget != null) {
                checkRate("CosineDecay", "warmup_target", warmupTarget);
            }
            Checks.nonNegativeFinite("CosineDecay", "warmup_steps", warmupSteps);
            name = name == null ? "CosineDecay" : name;
        }

        public CosineDecay alpha(double a) {
            return new CosineDecay(initialLearningRate, decaySteps, a, warmupTarget, warmupSteps, name);
        }

        /** A linear warmup from the initial rate to {@code target} over {@code steps}, before the decay. */
        public CosineDecay warmup(double target, double steps) {
            return new CosineDecay(initialLearningRate, decaySteps, alpha, target, steps, name);
        }

        public String kerasClassName() {
            return "CosineDecay";
        }
    }

    /** SGDR: cosine decay restarted after {@code firstDecaySteps}, each period {@code tMul} times longer. */
    record CosineDecayRestarts(double initialLearningRate, double firstDecaySteps, double tMul, double mMul,
                               double alpha, String name) implements LearningRateSchedule {
        public CosineDecayRestarts {
            checkRate("CosineDecayRestarts", "initial_learning_rate", initialLearningRate);
            checkSteps("CosineDecayRestarts", "first_decay_steps", firstDecaySteps);
            Checks.positiveFinite("CosineDecayRestarts", "t_mul", tMul);
            checkFinite("CosineDecayRestarts", "m_mul", mMul);
            checkFinite("CosineDecayRestarts", "alpha", alpha);
            name = name == null ? "SGDRDecay" : name;
        }

        public CosineDecayRestarts multipliers(double t, double m) {
            return new CosineDecayRestarts(initialLearningRate, firstDecaySteps, t, m, alpha, name);
        }

        public CosineDecayRestarts alpha(double a) {
            return new CosineDecayRestarts(initialLearningRate, firstDecaySteps, tMul, mMul, a, name);
        }

        public String kerasClassName() {
            return "CosineDecayRestarts";
        }
    }

    private static void checkRate(String where, String field, double v) {
        Checks.nonNegativeFinite(where, field, v);
    }

    /** Keras: "Argument `decay_steps` must be > 0". */
    private static void checkSteps(String where, String field, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new InvalidSpecException(where, field, "must be > 0 and finite. Received: " + field + "=" + v);
        }
    }

    private static void checkFinite(String where, String field, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new InvalidSpecException(where, field, "must be a finite number. Received: " + field + "=" + v);
        }
    }
}
