package dev.strata.spec;

/**
 * Keras 3 FTRL-Proximal: per element an accumulator of squared gradients (starting at
 * {@code initialAccumulatorValue}) and a linear term; the weight is the closed-form minimiser
 * {@code (clip(linear, -l1, l1) - linear) / quadratic}. {@code beta} adds {@code beta / (2 lr)} to the L2 strength;
 * shrinkage adds {@code 2 * l2_shrinkage * w} to the gradient of the linear term only.
 */
public record Ftrl(double learningRate, double learningRatePower, double initialAccumulatorValue,
                   double l1RegularizationStrength, double l2RegularizationStrength,
                   double l2ShrinkageRegularizationStrength, double beta, OptimizerOptions options)
        implements Optimizer {
    public Ftrl {
        options = Checks.options(options);
        learningRate = Checks.optimizerRate("Ftrl", learningRate, options);
        if (Double.isNaN(learningRatePower) || Double.isInfinite(learningRatePower) || learningRatePower > 0) {
            throw new InvalidSpecException("Ftrl", "learning_rate_power", "needs to be negative or zero. Received: "
                    + "learning_rate_power=" + learningRatePower);
        }
        Checks.nonNegativeFinite("Ftrl", "initial_accumulator_value", initialAccumulatorValue);
        Checks.nonNegativeFinite("Ftrl", "l1_regularization_strength", l1RegularizationStrength);
        Checks.nonNegativeFinite("Ftrl", "l2_regularization_strength", l2RegularizationStrength);
        Checks.nonNegativeFinite("Ftrl", "l2_shrinkage_regularization_strength", l2ShrinkageRegularizationStrength);
        Checks.finite("Ftrl", "beta", beta);
    }

    public Ftrl learningRatePower(double p) {
        return new Ftrl(learningRate, p, initialAccumulatorValue, l1RegularizationStrength, l2RegularizationStrength,
                l2ShrinkageRegularizationStrength, beta, options);
    }

    public Ftrl initialAccumulatorValue(double v) {
        return new Ftrl(learningRate, learningRatePower, v, l1RegularizationStrength, l2RegularizationStrength,
                l2ShrinkageRegularizationStrength, beta, options);
    }

    /** L1 and L2 strengths of the proximal step and L2 shrinkage on the gradient. */
    public Ftrl regularization(double l1, double l2, double l2Shrinkage) {
        return new Ftrl(learningRate, learningRatePower, initialAccumulatorValue, l1, l2, l2Shrinkage, beta, options);
    }

    public Ftrl beta(double b) {
        return new Ftrl(learningRate, learningRatePower, initialAccumulatorValue, l1RegularizationStrength,
                l2RegularizationStrength, l2ShrinkageRegularizationStrength, b, options);
    }

    public Ftrl withOptions(OptimizerOptions o) {
        return new Ftrl(learningRate, learningRatePower, initialAccumulatorValue, l1RegularizationStrength,
                l2RegularizationStrength, l2ShrinkageRegularizationStrength, beta, o);
    }

    public Ftrl learningRate(double lr) {
        return new Ftrl(lr, learningRatePower, initialAccumulatorValue, l1RegularizationStrength,
                l2RegularizationStrength, l2ShrinkageRegularizationStrength, beta, options.schedule(null));
    }

    public String kerasClassName() {
        return "Ftrl";
    }
}
