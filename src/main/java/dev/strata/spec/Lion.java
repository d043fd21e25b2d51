package dev.strata.spec;

/**
 * Keras 3 Lion: {@code w -= lr * sign(beta_1 * m + (1 - beta_1) * g)}, then
 * {@code m = beta_2 * m + (1 - beta_2) * g}. Its steps are all of size lr: use a rate 3-10x below Adam's.
 */
public record Lion(double learningRate, double beta1, double beta2, OptimizerOptions options) implements Optimizer {
    public Lion {
        options = Checks.options(options);
        learningRate = Checks.optimizerRate("Lion", learningRate, options);
        if (Double.isNaN(beta1) || beta1 <= 0 || beta1 > 1) {
            throw new InvalidSpecException("Lion", "beta_1", "must be in the (0, 1] range. Otherwise, the optimizer "
                    + "degenerates to SignSGD. Received: beta_1=" + beta1);
        }
        Checks.inUnit("Lion", "beta_2", beta2);
    }

    public Lion betas(double b1, double b2) {
        return new Lion(learningRate, b1, b2, options);
    }

    public Lion withOptions(OptimizerOptions o) {
        return new Lion(learningRate, beta1, beta2, o);
    }

    public Lion learningRate(double lr) {
        return new Lion(lr, beta1, beta2, options.schedule(null));
    }

    public String kerasClassName() {
        return "Lion";
    }
}
