package dev.strata.spec;

/**
 * Keras 3 Nadam: Adam's moments with Nesterov momentum under the schedule
 * {@code u_t = beta_1 * (1 - 0.5 * 0.96^t)}; the product of the {@code u_t} is optimizer state (checkpointed).
 */
public record Nadam(double learningRate, double beta1, double beta2, double epsilon, OptimizerOptions options)
        implements Optimizer {
    public Nadam {
        options = Checks.options(options);
        learningRate = Checks.optimizerRate("Nadam", learningRate, options);
        Checks.inHalfOpenUnit("Nadam", "beta_1", beta1);
        Checks.inHalfOpenUnit("Nadam", "beta_2", beta2);
        Checks.positiveFinite("Nadam", "epsilon", epsilon);
    }

    public Nadam betas(double b1, double b2) {
        return new Nadam(learningRate, b1, b2, epsilon, options);
    }

    public Nadam epsilon(double e) {
        return new Nadam(learningRate, beta1, beta2, e, options);
    }

    public Nadam withOptions(OptimizerOptions o) {
        return new Nadam(learningRate, beta1, beta2, epsilon, o);
    }

    public Nadam learningRate(double lr) {
        return new Nadam(lr, beta1, beta2, epsilon, options.schedule(null));
    }

    public String kerasClassName() {
        return "Nadam";
    }
}
