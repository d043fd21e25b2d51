package dev.strata.spec;

/**
 * The arguments every Keras 3 optimizer takes besides its own hyperparameters, with Keras's defaults and its
 * order of application in a step: the gradients are clipped first ({@code clipnorm} per weight,
 * {@code globalClipnorm} over all weights together, or {@code clipvalue} per element; at most one may be set,
 * and zero means no clipping, as in Keras), then decoupled weight decay {@code w -= lr * wd * w}, then the update,
 * then the moving average of the weights when {@code useEma}, then weight constraints. With {@code useEma} the
 * weights are replaced by their averages every {@code emaOverwriteFrequency} steps (if set) and when {@code fit}
 * returns (Keras's {@code finalize_variable_values}).
 *
 * @param schedule the learning-rate schedule, or null for the optimizer's constant rate
 * @param clipnorm null when unset
 * @param clipvalue null when unset
 * @param globalClipnorm null when unset
 * @param emaOverwriteFrequency null (or 0) to keep the averages apart until {@code fit} returns
 */
public record OptimizerOptions(LearningRateSchedule schedule, double weightDecay, Double clipnorm, Double clipvalue,
                               Double globalClipnorm, boolean useEma, double emaMomentum,
                               Integer emaOverwriteFrequency) {
    /** Keras's defaults: no schedule, no decay, no clipping, no EMA (ema_momentum 0.99). */
    public static final OptimizerOptions DEFAULTS = new OptimizerOptions(null, 0, null, null, null, false, 0.99, null);

    public OptimizerOptions {
        Checks.nonNegativeFinite("optimizer", "weight_decay", weightDecay);
        int clips = 0;
        for (String field : new String[] {"clipnorm", "clipvalue", "global_clipnorm"}) {
            Double v = field.equals("clipnorm") ? clipnorm : field.equals("clipvalue") ? clipvalue : globalClipnorm;
            if (v != null) {
                Checks.nonNegativeFinite("optimizer", field, v);
                clips++;
            }
        }
        if (clips > 1) {
            throw new InvalidSpecException("optimizer", clipnorm != null ? "clipnorm" : "clipvalue",
                    "Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. Received: clipnorm="
                            + py(clipnorm) + ", clipvalue=" + py(clipvalue) + ", global_clipnorm=" + py(globalClipnorm));
        }
        if (useEma) {
            if (Double.isNaN(emaMomentum) || emaMomentum < 0 || emaMomentum > 1) {
                throw new InvalidSpecException("optimizer", "ema_momentum",
                        "must be in the range [0, 1]. Received: ema_momentum=" + emaMomentum);
            }
            if (emaOverwriteFrequency != null && emaOverwriteFrequency < 0) {
                throw new InvalidSpecException("optimizer", "ema_overwrite_frequency",
                        "must be an integer >= 1 or None. Received: ema_overwrite_frequency=" + emaOverwriteFrequency);
            }
        }
    }

    private static String py(Double v) {
        return v == null ? "None" : v.toString();
    }

    public OptimizerOptions schedule(LearningRateSchedule s) {
        return new OptimizerOptions(s, weightDecay, clipnorm, clipvalue, globalClipnorm, useEma, emaMomentum,
                emaOverwriteFrequency);
    }

    public OptimizerOptions weightDecay(double wd) {
        return new OptimizerOptions(schedule, wd, clipnorm, clipvalue, globalClipnorm, useEma, emaMomentum,
                emaOverwriteFrequency);
    }

    public OptimizerOptions clipnorm(Double v) {
        return new OptimizerOptions(schedule, weightDecay, v, clipvalue, globalClipnorm, useEma, emaMomentum,
                emaOverwriteFrequency);
    }

    public OptimizerOptions clipvalue(Double v) {
        return new OptimizerOptions(schedule, weightDecay, clipnorm, v, globalClipnorm, useEma, emaMomentum,
                emaOverwriteFrequency);
    }

    public OptimizerOptions globalClipnorm(Double v) {
        return new OptimizerOptions(schedule, weightDecay, clipnorm, clipvalue, v, useEma, emaMomentum,
                emaOverwriteFrequency);
    }

    /** Turns the moving average on or off, keeping momentum and frequency. */
    public OptimizerOptions ema(boolean on, double momentum, Integer overwriteFrequency) {
        return new OptimizerOptions(schedule, weightDecay, clipnorm, clipvalue, globalClipnorm, on, momentum,
                overwriteFrequency);
    }

    /** Whether a step overwrites the weights with their averages every {@code emaOverwriteFrequency} steps. */
    public boolean overwritesWithEma() {
        return useEma && emaOverwriteFrequency != null && emaOverwriteFrequency > 0;
    }
}
