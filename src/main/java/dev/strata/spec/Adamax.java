package dev.strata.spec;

/**
 * Keras 3 Adamax: {@code m += (g - m) * (1 - beta_1)}, {@code u = max(beta_2 * u, |g|)},
 * {@code w -= lr * m / ((1 - beta_1^t) * (u + eps))}.
 */
public record Adamax(double learningRate, double beta1, double beta2, double epsilon, OptimizerOptions options)
        implements Optimizer {
    public Adamax {
        options = Checks.options(options);
        learningRate = Checks.optimizerRate("Adamax", learningRate, options);
        Checks.inHalfOpenUnit("Adamax", "beta_1", beta1);
        Checks.inUnit("Adamax", "beta_2", beta2);
        Checks.positiveFinite("Adamax", "epsilon", epsilon);
    }

    public Adamax betas(double b1, double b2) {
        return new Adamax(learningRate, b1, b2, epsilon, options);
    }

    public Adamax epsilon(double e) {
        return new Adamax(learningRate, beta1, beta2, e, options);
    }

    public Adamax withOptions(OptimizerOptions o) {
        return new Adamax(learningRate, beta1, beta2, epsilon, o);
    }

    public Adamax learningRate(double lr) {
        return new Adamax(lr, beta1, beta2, epsilon, options.schedule(null));
    }

    public String kerasClassName() {
        return "Adamax";
    }
}
