package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.ACTIVITY_REGULARIZER;
import static dev.strata.spec.layers.CommonFields.BIAS_CONSTRAINT;
import static dev.strata.spec.layers.CommonFields.BIAS_INITIALIZER;
import static dev.strata.spec.layers.CommonFields.BIAS_REGULARIZER;
import static dev.strata.spec.layers.CommonFields.KERNEL_CONSTRAINT;
import static dev.strata.spec.layers.CommonFields.KERNEL_INITIALIZER;
import static dev.strata.spec.layers.CommonFields.KERNEL_REGULARIZER;
import static dev.strata.spec.layers.CommonFields.USE_BIAS;
import static dev.strata.spec.layers.RnnFields.ACTIVATION;
import static dev.strata.spec.layers.RnnFields.DROPOUT;
import static dev.strata.spec.layers.RnnFields.GO_BACKWARDS;
import static dev.strata.spec.layers.RnnFields.RECURRENT_ACTIVATION;
import static dev.strata.spec.layers.RnnFields.RECURRENT_CONSTRAINT;
import static dev.strata.spec.layers.RnnFields.RECURRENT_DROPOUT;
import static dev.strata.spec.layers.RnnFields.RECURRENT_INITIALIZER;
import static dev.strata.spec.layers.RnnFields.RECURRENT_REGULARIZER;
import static dev.strata.spec.layers.RnnFields.RETURN_SEQUENCES;
import static dev.strata.spec.layers.RnnFields.RETURN_STATE;
import static dev.strata.spec.layers.RnnFields.SEED;
import static dev.strata.spec.layers.RnnFields.UNITS;
import static dev.strata.spec.layers.RnnFields.UNROLL;
import static dev.strata.spec.layers.RnnFields.ZERO_OUTPUT_FOR_MASK;

import dev.strata.spec.Activation;
import dev.strata.spec.ConfigField;
import dev.strata.spec.Constraint;
import dev.strata.spec.Initializer;
import dev.strata.spec.LayerType;
import dev.strata.spec.Regularizer;
import dev.strata.spec.TensorShape;
import dev.strata.spec.WeightSpec;
import java.util.List;
import java.util.Map;

/**
 * Keras {@code LSTM}: gates {@code i, f, c, o} in that order along the kernels' last axis, {@code c' = f * c + i *
 * activation(.)}, {@code h' = o * activation(c')}. Built fluently: {@code LSTM.units(64).returnSequences(true)}.
 * Defaults are Keras 3's (recurrent kernel Orthogonal; {@code unit_forget_bias}: the forget gate's bias starts at
 * 1). Reads Keras 1's {@code output_dim}, {@code inner_init},
 * {@code inner_activation}, {@code W_/U_/b_regularizer}, {@code dropout_W}, {@code dropout_U}.
 */
public record LSTM(String name, boolean returnSequences, boolean returnState, boolean goBackwards, boolean unroll,
                   boolean zeroOutputForMask, int units, Activation activation, Activation recurrentActivation,
                   boolean useBias, Initializer kernelInitializer, Initializer recurrentInitializer,
                   Initializer biasInitializer, boolean unitForgetBias, Regularizer kernelRegularizer,
                   Regularizer recurrentRegularizer, Regularizer biasRegularizer, Regularizer activityRegularizer,
                   Constraint kernelConstraint, Constraint recurrentConstraint, Constraint biasConstraint,
                   double dropout, double recurrentDropout, Long seed, boolean trainable) implements Recurrent {

    public static final ConfigField<Boolean> UNIT_FORGET_BIAS = ConfigField.bool("unit_forget_bias").defaultsTo(true);

    public static final LayerType<LSTM> TYPE = RnnFields.common(LayerType.of(LSTM.class, "LSTM", "lstm",
                    RETURN_SEQUENCES, RETURN_STATE, GO_BACKWARDS, UNROLL, ZERO_OUTPUT_FOR_MASK, UNITS, ACTIVATION,
                    RECURRENT_ACTIVATION, USE_BIAS, KERNEL_INITIALIZER, RECURRENT_INITIALIZER, BIAS_INITIALIZER,
                    UNIT_FORGET_BIAS, KERNEL_REGULARIZER, RECURRENT_REGULARIZER, BIAS_REGULARIZER,
                    ACTIVITY_REGULARIZER, KERNEL_CONSTRAINT, RECURRENT_CONSTRAINT, BIAS_CONSTRAINT, DROPOUT,
                    RECURRENT_DROPOUT, SEED))
            .ignores("forget_bias_init", "Keras 1's forget gate initializer; Keras 2 reads 'one' as "
                    + "unit_forget_bias=True, the default, and ignores any other value");

    public static LSTM units(int units) {
        return TYPE.make(UNITS, units);
    }

    @Override
    public LayerType<LSTM> type() {
        return TYPE;
    }

    public LSTM name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public LSTM withName(String name) {
        return name(name);
    }

    @Override
    public LSTM withDirection(String name, boolean goBackwards, boolean zeroOutputForMask) {
        return TYPE.withValues(this, Map.of(GO_BACKWARDS, goBackwards, ZERO_OUTPUT_FOR_MASK, zeroOutputForMask))
                .name(name);
    }

    public LSTM returnSequences(boolean returnSequences) {
        return TYPE.with(this, RETURN_SEQUENCES, returnSequences);
    }

    public LSTM returnState(boolean returnState) {
        return TYPE.with(this, RETURN_STATE, returnState);
    }

    public LSTM goBackwards(boolean goBackwards) {
        return TYPE.with(this, GO_BACKWARDS, goBackwards);
    }

    public LSTM unroll(boolean unroll) {
        return TYPE.with(this, UNROLL, unroll);
    }

    public LSTM zeroOutputForMask(boolean zeroOutputForMask) {
        return TYPE.with(this, ZERO_OUTPUT_FOR_MASK, zeroOutputForMask);
    }

    public LSTM activation(Activation activation) {
        return TYPE.with(this, ACTIVATION, activation);
    }

    public LSTM recurrentActivation(Activation recurrentActivation) {
        return TYPE.with(this, RECURRENT_ACTIVATION, recurrentActivation);
    }

    public LSTM useBias(boolean useBias) {
        return TYPE.with(this, USE_BIAS, useBias);
    }

    public LSTM kernelInitializer(Initializer kernelInitializer) {
        return TYPE.with(this, KERNEL_INITIALIZER, kernelInitializer);
    }

    public LSTM recurrentInitializer(Initializer recurrentInitializer) {
        return TYPE.with(this, RECURRENT_INITIALIZER, recurrentInitializer);
    }

    public LSTM biasInitializer(Initializer biasInitializer) {
        return TYPE.with(this, BIAS_INITIALIZER, biasInitializer);
    }

    public LSTM unitForgetBias(boolean unitForgetBias) {
        return TYPE.with(this, UNIT_FORGET_BIAS, unitForgetBias);
    }

    public LSTM kernelRegularizer(Regularizer kernelRegularizer) {
        return TYPE.with(this, KERNEL_REGULARIZER, kernelRegularizer);
    }

    public LSTM recurrentRegularizer(Regularizer recurrentRegularizer) {
        return TYPE.with(this, RECURRENT_REGULARIZER, recurrentRegularizer);
    }

    public LSTM biasRegularizer(Regularizer biasRegularizer) {
        return TYPE.with(this, BIAS_REGULARIZER, biasRegularizer);
    }

    public LSTM activityRegularizer(Regularizer activityRegularizer) {
        return TYPE.with(this, ACTIVITY_REGULARIZER, activityRegularizer);
    }

    public LSTM kernelConstraint(Constraint kernelConstraint) {
        return TYPE.with(this, KERNEL_CONSTRAINT, kernelConstraint);
    }

    public LSTM recurrentConstraint(Constraint recurrentConstraint) {
        return TYPE.with(this, RECURRENT_CONSTRAINT, recurrentConstraint);
    }

    public LSTM biasConstraint(Constraint biasConstraint) {
        return TYPE.with(this, BIAS_CONSTRAINT, biasConstraint);
    }

    public LSTM dropout(double dropout) {
        return TYPE.with(this, DROPOUT, dropout);
    }

    public LSTM recurrentDropout(double recurrentDropout) {
        return TYPE.with(this, RECURRENT_DROPOUT, recurrentDropout);
    }

    public LSTM seed(long seed) {
        return TYPE.with(this, SEED, seed);
    }


    public LSTM trainable(boolean trainable) {
        return TYPE.withTrainable(this, trainable);
    }

    @Override
    public int gates() {
        return 4;
    }

    @Override
    public int stateCount() {
        return 2;
    }

    @Override
    public void validate(String where) {
        Recurrent.super.validate(where);
        RnnFields.validate(this, where);
    }

    @Override
    public List<WeightSpec> weights(TensorShape input) {
        // Keras: with unit_forget_bias the bias is [init(units), ones(units), init(2 * units)].
        Initializer bias = unitForgetBias ? new Initializer.Blocks(List.of(biasInitializer, Initializer.ones(),
                biasInitializer), List.of(units, units, 2 * units)) : biasInitializer;
        return RnnFields.weights(this, input, new int[] {4 * units}, bias);
    }

    @Override
    public Activation appliedActivation() {
        return null; // the output is o * activation(c), not an activation of logits
    }
}
