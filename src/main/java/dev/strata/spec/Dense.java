package dev.strata.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Keras {@code Dense}: {@code activation(x . kernel + bias)} on the last axis. Built fluently, each call
 * returning a new immutable spec: {@code Dense.units(64).activation(RELU).kernelRegularizer(l2(0.01))}.
 * Defaults are Keras's: linear activation, bias on, GlorotUniform kernel, zero bias, no regularizers.
 */
public record Dense(String name, int units, Activation activation, boolean useBias, Initializer kernelInitializer,
                    Initializer biasInitializer, Regularizer kernelRegularizer, Regularizer biasRegularizer,
                    Regularizer activityRegularizer, boolean trainable) implements Layer {

    public static Dense units(int units) {
        return new Dense(null, units, Activation.LINEAR, true, Initializer.glorotUniform(), Initializer.zeros(),
                null, null, null, true);
    }

    public Dense name(String name) {
        return new Dense(name, units, activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer,
                biasRegularizer, activityRegularizer, trainable);
    }

    public Dense activation(Activation activation) {
        return new Dense(name, units, activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer,
                biasRegularizer, activityRegularizer, trainable);
    }

    public Dense useBias(boolean useBias) {
        return new Dense(name, units, activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer,
                biasRegularizer, activityRegularizer, trainable);
    }

    public Dense kernelInitializer(Initializer kernelInitializer) {
        return new Dense(name, units, activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer,
                biasRegularizer, activityRegularizer, trainable);
    }

    public Dense biasInitializer(Initializer biasInitializer) {
        return new Dense(name, units, activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer,
                biasRegularizer, activityRegularizer, trainable);
    }

    public Dense kernelRegularizer(Regularizer kernelRegularizer) {
        return new Dense(name, units, activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer,
                biasRegularizer, activityRegularizer, trainable);
    }

    public Dense biasRegularizer(Regularizer biasRegularizer) {
        return new Dense(name, units, activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer,
                biasRegularizer, activityRegularizer, trainable);
    }

    public Dense activityRegularizer(Regularizer activityRegularizer) {
        return new Dense(name, units, activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer,
                biasRegularizer, activityRegularizer, trainable);
    }

    public Dense trainable(boolean trainable) {
        return new Dense(name, units, activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer,
                biasRegularizer, activityRegularizer, trainable);
    }

    @Override
    public Dense withName(String name) {
        return name(name);
    }

    @Override
    public String kerasClassName() {
        return "Dense";
    }

    @Override
    public String namePrefix() {
        return "dense";
    }

    @Override
    public void validate(String where) {
        Checks.positive(where, "units", units);
        Checks.notNull(where, "activation", activation);
        Checks.notNull(where, "kernel_initializer", kernelInitializer);
        Checks.notNull(where, "bias_initializer", biasInitializer);
        if (!useBias && biasRegularizer != null) {
            throw new InvalidSpecException(where, "bias_regularizer",
                    "is set but use_bias=False, so there is no bias to regularize");
        }
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        if (input.rank() < 1) {
            throw new InvalidSpecException(where, "input",
                    "Dense needs inputs of rank >= 2 (batch, ..., features). Received input shape " + input);
        }
        if (input.dim(-1) == TensorShape.UNKNOWN) {
            throw new InvalidSpecException(where, "input",
                    "Dense needs a defined last dimension. Received input shape " + input);
        }
        return input.withLast(units);
    }

    @Override
    public List<WeightSpec> weights(TensorShape input) {
        List<WeightSpec> weights = new ArrayList<>(2);
        weights.add(new WeightSpec("kernel", WeightSpec.Role.KERNEL, new int[] {input.dim(-1), units},
                kernelInitializer, kernelRegularizer, trainable));
        if (useBias) {
            weights.add(new WeightSpec("bias", WeightSpec.Role.BIAS, new int[] {units}, biasInitializer,
                    biasRegularizer, trainable));
        }
        return weights;
    }
}
