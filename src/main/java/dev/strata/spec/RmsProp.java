package dev.strata.spec;

/**
 * Keras 3 RMSprop: {@code v = rho * v + (1 - rho) * g^2}; centered, also {@code a = rho * a + (1 - rho) * g} and
 * the denominator {@code sqrt(v - a^2 + eps)}, else {@code sqrt(v + eps)}; the step {@code lr * g / denominator} is
 * subtracted directly, or through {@code m = momentum * m + step} when momentum is above 0.
 */
public record RmsProp(double learningRate, double rho, double momentum, double epsilon, boolean centered,
                      OptimizerOptions options) implements Optimizer {
    public RmsProp {
        options = Checks.options(options);
        learningRate = Checks.optimizerRate("RMSprop", learningRate, options);
        Checks.inUnit("RMSprop", "rho", rho);
        Checks.inUnit("RMSprop", "momentum", momentum);
        Checks.positiveFinite("RMSprop", "epsilon", epsilon);
    }

    public RmsProp rho(double r) {
        return new RmsProp(learningRate, r, momentum, epsilon, centered, options);
    }

    public RmsProp momentum(double m) {
        return new RmsProp(learningRate, rho, m, epsilon, centered, options);
    }

    public RmsProp epsilon(double e) {
        return new RmsProp(learningRate, rho, momentum, e, centered, options);
    }

    public RmsProp centered(boolean c) {
        return new RmsProp(learningRate, rho, momentum, epsilon, c, options);
    }

    public RmsProp withOptions(OptimizerOptions o) {
        return new RmsProp(learningRate, rho, momentum, epsilon, centered, o);
    }

    public RmsProp learningRate(double lr) {
        return new RmsProp(lr, rho, momentum, epsilon, centered, options.schedule(null));
    }

    public String kerasClassName() {
        return "RMSprop";
    }
}
