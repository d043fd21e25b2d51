package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.ACTIVATION;
import static dev.strata.spec.layers.CommonFields.BIAS_CONSTRAINT;
import static dev.strata.spec.layers.CommonFields.BIAS_INITIALIZER;
import static dev.strata.spec.layers.CommonFields.BIAS_REGULARIZER;
import static dev.strata.spec.layers.CommonFields.KERNEL_CONSTRAINT;
import static dev.strata.spec.layers.CommonFields.KERNEL_INITIALIZER;
import static dev.strata.spec.layers.CommonFields.KERNEL_REGULARIZER;
import static dev.strata.spec.layers.CommonFields.USE_BIAS;

import dev.strata.spec.Activation;
import dev.strata.spec.ConfigField;
import dev.strata.spec.Constraint;
import dev.strata.spec.Initializer;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.Regularizer;
import dev.strata.spec.TensorShape;
import dev.strata.spec.WeightSpec;
import java.util.List;

/**
 * Keras {@code Dense}: {@code activation(x . kernel + bias)} on the last axis. Built fluently, each call
 * returning a new immutable spec: {@code Dense.units(64).activation(RELU).kernelRegularizer(l2(0.01))}.
 * Defaults are Keras's: linear activation, bias on, GlorotUniform kernel, zero bias, no regularizers.
 */
public record Dense(String name, int units, Activation activation, boolean useBias, Initializer kernelInitializer,
                    Initializer biasInitializer, Regularizer kernelRegularizer, Regularizer biasRegularizer,
                    Regularizer activityRegularizer, Constraint kernelConstraint, Constraint biasConstraint,
                    boolean trainable) implements Layer {

    /** Keras 3's Dense writes no activity_regularizer key when there is none. */
    public static final ConfigField<Regularizer> ACTIVITY_REGULARIZER = CommonFields.ACTIVITY_REGULARIZER
            .omittedWhenNullInKeras3();
    public static final ConfigField<Integer> UNITS = ConfigField.integer("units").required().positive()
            .alias("output_dim");

    public static final LayerType<Dense> TYPE = LayerType.of(Dense.class, "Dense", "dense", UNITS, ACTIVATION,
                    USE_BIAS, KERNEL_INITIALIZER, BIAS_INITIALIZER, KERNEL_REGULARIZER, BIAS_REGULARIZER,
                    ACTIVITY_REGULARIZER, KERNEL_CONSTRAINT, BIAS_CONSTRAINT)
            .fixed("quantization_config", "quantized Dense", (Object) null)
            .fixed("lora_rank", "LoRA adapters", (Object) null)
            .fixed("lora_alpha", "LoRA adapters", (Object) null)
            .alsoReads("TimeDistributedDense") // Keras 1: the same kernel and bias applied at every step
            .ignores("input_length", "Keras 1's TimeDistributedDense wrote it; the input shape gives the steps")
            .passingMasks();

    public static Dense units(int units) {
        return TYPE.make(UNITS, units);
    }

    @Override
    public LayerType<Dense> type() {
        return TYPE;
    }

    public Dense name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Dense withName(String name) {
        return name(name);
    }

    public Dense activation(Activation activation) {
        return TYPE.with(this, ACTIVATION, activation);
    }

    public Dense useBias(boolean useBias) {
        return TYPE.with(this, USE_BIAS, useBias);
    }

    public Dense kernelInitializer(Initializer initializer) {
        return TYPE.with(this, KERNEL_INITIALIZER, initializer);
    }

    public Dense biasInitializer(Initializer initializer) {
        return TYPE.with(this, BIAS_INITIALIZER, initializer);
    }

    public Dense kernelRegularizer(Regularizer regularizer) {
        return TYPE.with(this, KERNEL_REGULARIZER, regularizer);
    }

    public Dense biasRegularizer(Regularizer regularizer) {
        return TYPE.with(this, BIAS_REGULARIZER, regularizer);
    }

    public Dense activityRegularizer(Regularizer regularizer) {
        return TYPE.with(this, ACTIVITY_REGULARIZER, regularizer);
    }

    public Dense kernelConstraint(Constraint constraint) {
        return TYPE.with(this, KERNEL_CONSTRAINT, constraint);
    }

    public Dense biasConstraint(Constraint constraint) {
        return TYPE.with(this, BIAS_CONSTRAINT, constraint);
    }

    public Dense trainable(boolean trainable) {
        return TYPE.withTrainable(this, trainable);
    }

    @Override
    public void validate(String where) {
        Layer.super.validate(where);
        WeightSlots.checkBias(where, useBias, biasRegularizer, biasConstraint);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        Shapes.requireKnownLast(input, where, "Dense");
        return input.withLast(units);
    }

    @Override
    public List<WeightSpec> weights(TensorShape input) {
        return WeightSlots.kernelAndBias(new int[] {input.dim(-1), units}, units, this, kernelInitializer,
                kernelRegularizer, kernelConstraint, useBias, biasInitializer, biasRegularizer, biasConstraint);
    }

    @Override
    public Activation appliedActivation() {
        return activation;
    }
}
