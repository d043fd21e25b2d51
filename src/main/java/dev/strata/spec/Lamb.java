package dev.strata.spec;

/**
 * Keras 3 Lamb: Adam's bias-corrected step {@code r = m_hat / (sqrt(v_hat) + eps)} scaled per weight by the trust
 * ratio {@code ||w|| / ||r||} (1 when either norm is 0): {@code w -= ratio * lr * r}.
 */
public record Lamb(double learningRate, double beta1, double beta2, double epsilon, OptimizerOptions options)
        implements Optimizer {
    public Lamb {
        options = Checks.options(options);
        learningRate = Checks.optimizerRate("Lamb", learningRate, options);
        Checks.inHalfOpenUnit("Lamb", "beta_1", beta1);
        Checks.inHalfOpenUnit("Lamb", "beta_2", beta2);
        Checks.positiveFinite("Lamb", "epsilon", epsilon);
    }

    public Lamb betas(double b1, double b2) {
        return new Lamb(learningRate, b1, b2, epsilon, options);
    }

    public Lamb epsilon(double e) {
        return new Lamb(learningRate, beta1, beta2, e, options);
    }

    public Lamb withOptions(OptimizerOptions o) {
        return new Lamb(learningRate, beta1, beta2, epsilon, o);
    }

    public Lamb learningRate(double lr) {
        return new Lamb(lr, beta1, beta2, epsilon, options.schedule(null));
    }

    public String kerasClassName() {
        return "Lamb";
    }
}
