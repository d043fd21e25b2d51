package dev.strata.spec;

/**
 * Optimizers with Keras 3 defaults and update rules. {@code weightDecay} is Keras 3's decoupled decay,
 * applied as {@code w -= lr * wd * w} before the gradient update; it is not an L2 penalty (see README).
 */
public sealed interface Optimizer {

    double learningRate();

    double weightDecay();

    String kerasClassName();

    /** Keras defaults: learning rate 0.01, no momentum. */
    static Sgd sgd() {
        return new Sgd(0.01, 0, false, 0);
    }

    static Sgd sgd(double learningRate) {
        return new Sgd(learningRate, 0, false, 0);
    }

    /** Keras defaults: learning rate 0.001, betas 0.9 / 0.999, epsilon 1e-7. */
    static Adam adam() {
        return new Adam(0.001, 0.9, 0.999, 1e-7, 0);
    }

    static Adam adam(double learningRate) {
        return new Adam(learningRate, 0.9, 0.999, 1e-7, 0);
    }

    /** Keras {@code AdamW}: Adam with decoupled weight decay, default 0.004. */
    static Adam adamW(double learningRate) {
        return new Adam(learningRate, 0.9, 0.999, 1e-7, 0.004);
    }

    /** Keras 3 SGD: {@code m = momentum * m - lr * g; w += m} (Nesterov: {@code w += momentum * m - lr * g}). */
    record Sgd(double learningRate, double momentum, boolean nesterov, double weightDecay) implements Optimizer {
        public Sgd {
            Checks.positiveFinite("SGD", "learning_rate", learningRate);
            if (Double.isNaN(momentum) || momentum < 0 || momentum > 1) {
                throw new InvalidSpecException("SGD", "momentum", "must be in [0, 1]. Received: momentum=" + momentum);
            }
            Checks.nonNegativeFinite("SGD", "weight_decay", weightDecay);
        }

        public Sgd momentum(double momentum) {
            return new Sgd(learningRate, momentum, nesterov, weightDecay);
        }

        public Sgd nesterov(boolean nesterov) {
            return new Sgd(learningRate, momentum, nesterov, weightDecay);
        }

        public Sgd weightDecay(double weightDecay) {
            return new Sgd(learningRate, momentum, nesterov, weightDecay);
        }

        public String kerasClassName() {
            return "SGD";
        }
    }

    /** Keras 3 Adam (epsilon outside the square root, bias correction folded into the step size). */
    record Adam(double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
            implements Optimizer {
        public Adam {
            Checks.positiveFinite("Adam", "learning_rate", learningRate);
            Checks.inHalfOpenUnit("Adam", "beta_1", beta1);
            Checks.inHalfOpenUnit("Adam", "beta_2", beta2);
            Checks.positiveFinite("Adam", "epsilon", epsilon);
            Checks.nonNegativeFinite("Adam", "weight_decay", weightDecay);
        }

        public Adam weightDecay(double weightDecay) {
            return new Adam(learningRate, beta1, beta2, epsilon, weightDecay);
        }

        public Adam betas(double beta1, double beta2) {
            return new Adam(learningRate, beta1, beta2, epsilon, weightDecay);
        }

        public Adam epsilon(double epsilon) {
            return new Adam(learningRate, beta1, beta2, epsilon, weightDecay);
        }

        public String kerasClassName() {
            return weightDecay > 0 ? "AdamW" : "Adam";
        }
    }
}
