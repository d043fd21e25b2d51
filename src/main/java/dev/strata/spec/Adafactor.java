package dev.strata.spec;

/**
 * Keras 3 Adafactor: second moments factored into row and column means for weights of rank 2 or more (a full
 * moment for biases), decay {@code 1 - t^beta_2_decay}, the update clipped to RMS {@code clipThreshold} and scaled
 * by {@code max(epsilon_2, RMS(w)) * min(lr, 1 / sqrt(t))}. Keras 3 applies {@code min(lr, 1 / sqrt(t))} whether
 * or not {@code relativeStep} is set, so the flag changes nothing (it is kept for the round trip).
 */
public record Adafactor(double learningRate, double beta2Decay, double epsilon1, double epsilon2,
                        double clipThreshold, boolean relativeStep, OptimizerOptions options) implements Optimizer {
    public Adafactor {
        options = Checks.options(options);
        learningRate = Checks.optimizerRate("Adafactor", learningRate, options);
        Checks.finite("Adafactor", "beta_2_decay", beta2Decay);
        Checks.nonNegativeFinite("Adafactor", "epsilon_1", epsilon1);
        Checks.nonNegativeFinite("Adafactor", "epsilon_2", epsilon2);
        Checks.positiveFinite("Adafactor", "clip_threshold", clipThreshold);
    }

    public Adafactor beta2Decay(double d) {
        return new Adafactor(learningRate, d, epsilon1, epsilon2, clipThreshold, relativeStep, options);
    }

    public Adafactor epsilons(double e1, double e2) {
        return new Adafactor(learningRate, beta2Decay, e1, e2, clipThreshold, relativeStep, options);
    }

    public Adafactor clipThreshold(double t) {
        return new Adafactor(learningRate, beta2Decay, epsilon1, epsilon2, t, relativeStep, options);
    }

    public Adafactor relativeStep(boolean on) {
        return new Adafactor(learningRate, beta2Decay, epsilon1, epsilon2, clipThreshold, on, options);
    }

    public Adafactor withOptions(OptimizerOptions o) {
        return new Adafactor(learningRate, beta2Decay, epsilon1, epsilon2, clipThreshold, relativeStep, o);
    }

    public Adafactor learningRate(double lr) {
        return new Adafactor(lr, beta2Decay, epsilon1, epsilon2, clipThreshold, relativeStep, options.schedule(null));
    }

    public String kerasClassName() {
        return "Adafactor";
    }
}
