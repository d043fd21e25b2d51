package dev.strata.spec;

/**
 * Keras 3 Adadelta: {@code a = rho * a + (1 - rho) * g^2}, {@code d = -sqrt(u + eps) * g / sqrt(a + eps)},
 * {@code u = rho * u + (1 - rho) * d^2}, {@code w += lr * d}. Keras's default rate 0.001 is far below the paper's 1.
 */
public record Adadelta(double learningRate, double rho, double epsilon, OptimizerOptions options)
        implements Optimizer {
    public Adadelta {
        options = Checks.options(options);
        learningRate = Checks.optimizerRate("Adadelta", learningRate, options);
        Checks.inUnit("Adadelta", "rho", rho);
        Checks.positiveFinite("Adadelta", "epsilon", epsilon);
    }

    public Adadelta rho(double r) {
        return new Adadelta(learningRate, r, epsilon, options);
    }

    public Adadelta epsilon(double e) {
        return new Adadelta(learningRate, rho, e, options);
    }

    public Adadelta withOptions(OptimizerOptions o) {
        return new Adadelta(learningRate, rho, epsilon, o);
    }

    public Adadelta learningRate(double lr) {
        return new Adadelta(lr, rho, epsilon, options.schedule(null));
    }

    public String kerasClassName() {
        return "Adadelta";
    }
}
