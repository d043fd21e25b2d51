package dev.strata.spec;

/** Argument checks shared by the spec records; each message follows Keras: expectation, then the received value. */
public final class Checks {
    private Checks() {
    }

    public static void positive(String where, String field, long value) {
        if (value <= 0) {
            throw new InvalidSpecException(where, field, "must be a positive integer. Received: " + field + "=" + value);
        }
    }

    public static void nonNegativeFinite(String where, String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
            throw new InvalidSpecException(where, field,
                    "must be a non-negative finite number. Received: " + field + "=" + value);
        }
    }

    public static void positiveFinite(String where, String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value <= 0) {
            throw new InvalidSpecException(where, field,
                    "must be a positive finite number. Received: " + field + "=" + value);
        }
    }

    public static void finite(String where, String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidSpecException(where, field, "must be a finite number. Received: " + field + "=" + value);
        }
    }

    public static void inHalfOpenUnit(String where, String field, double value) {
        if (Double.isNaN(value) || value < 0 || value >= 1) {
            throw new InvalidSpecException(where, field, "must be in [0, 1). Received: " + field + "=" + value);
        }
    }

    public static void notNull(String where, String field, Object value) {
        if (value == null) {
            throw new InvalidSpecException(where, field, "must not be null");
        }
    }

    /** A value in [0, 1]. */
    public static void inUnit(String where, String field, double value) {
        if (Double.isNaN(value) || value < 0 || value > 1) {
            throw new InvalidSpecException(where, field, "must be in [0, 1]. Received: " + field + "=" + value);
        }
    }

    /** Null reads as Keras's defaults. */
    static OptimizerOptions options(OptimizerOptions options) {
        return options == null ? OptimizerOptions.DEFAULTS : options;
    }

    /**
     * An optimizer's nominal learning rate: a positive finite constant, or, with a schedule, the schedule's rate at
     * step 0 (so two optimizers with the same schedule are equal whatever constant they were built with).
     */
    static double optimizerRate(String where, double learningRate, OptimizerOptions options) {
        if (options.schedule() != null) {
            return options.schedule().initialLearningRate();
        }
        positiveFinite(where, "learning_rate", learningRate);
        return learningRate;
    }
}
