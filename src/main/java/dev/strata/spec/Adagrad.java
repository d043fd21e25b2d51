package dev.strata.spec;

/**
 * Keras 3 Adagrad: the accumulator starts at {@code initialAccumulatorValue}, {@code acc += g^2},
 * {@code w -= lr * g / sqrt(acc + eps)} (epsilon inside the root, unlike TensorFlow's fused kernels).
 */
public record Adagrad(double learningRate, double initialAccumulatorValue, double epsilon, OptimizerOptions options)
        implements Optimizer {
    public Adagrad {
        options = Checks.options(options);
        learningRate = Checks.optimizerRate("Adagrad", learningRate, options);
        Checks.nonNegativeFinite("Adagrad", "initial_accumulator_value", initialAccumulatorValue);
        Checks.positiveFinite("Adagrad", "epsilon", epsilon);
    }

    public Adagrad initialAccumulatorValue(double v) {
        return new Adagrad(learningRate, v, epsilon, options);
    }

    public Adagrad epsilon(double e) {
        return new Adagrad(learningRate, initialAccumulatorValue, e, options);
    }

    public Adagrad withOptions(OptimizerOptions o) {
        return new Adagrad(learningRate, initialAccumulatorValue, epsilon, o);
    }

    public Adagrad learningRate(double lr) {
        return new Adagrad(lr, initialAccumulatorValue, epsilon, options.schedule(null));
    }

    public String kerasClassName() {
        return "Adagrad";
    }
}
