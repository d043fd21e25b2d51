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
import static dev.strata.spec.layers.RnnFields.RECURRENT_CONSTRAINT;
import static dev.strata.spec.layers.RnnFields.RECURRENT_DROPOUT;
import static dev.strata.spec.layers.RnnFields.RECURRENT_INITIALIZER;
import static dev.strata.spec.layers.RnnFields.RECURRENT_REGULARIZER;
import static dev.strata.spec.layers.RnnFields.RETURN_SEQUENCES;
import static dev.strata.spec.layers.RnnFields.RETURN_STATE;
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
 * Keras {@code SimpleRNN}: {@code h' = activation(x . kernel + bias + h . recurrent_kernel)}. Built fluently:
 * {@code SimpleRNN.units(32).returnSequences(true)}. Defaults are Keras 3's, except the recurrent kernel's initial
 * value: GlorotUniform (Keras: Orthogonal, which Strata cannot express yet).
 */
public record SimpleRNN(String name, boolean returnSequences, boolean returnState, boolean goBackwards,
                        boolean unroll, boolean zeroOutputForMask, int units, Activation activation, boolean useBias,
                        Initializer kernelInitializer, Initializer recurrentInitializer, Initializer biasInitializer,
                        Regularizer kernelRegularizer, Regularizer recurrentRegularizer, Regularizer biasRegularizer,
                        Regularizer activityRegularizer, Constraint kernelConstraint, Constraint recurrentConstraint,
                        Constraint biasConstraint, double dropout, double recurrentDropout, Long seed,
                        boolean trainable) implements Recurrent {

    /** Keras 3's SimpleRNN takes a seed but does not write it back; tf.keras 2's takes none. */
    public static final ConfigField<Long> SEED = RnnFields.SEED.omittedWhenNullInKeras3();

    public static final LayerType<SimpleRNN> TYPE = RnnFields.common(LayerType.of(SimpleRNN.class, "SimpleRNN",
            "simple_rnn", RETURN_SEQUENCES, RETURN_STATE, GO_BACKWARDS, UNROLL, ZERO_OUTPUT_FOR_MASK, UNITS,
            ACTIVATION, USE_BIAS, KERNEL_INITIALIZER, RECURRENT_INITIALIZER, BIAS_INITIALIZER, KERNEL_REGULARIZER,
            RECURRENT_REGULARIZER, BIAS_REGULARIZER, ACTIVITY_REGULARIZER, KERNEL_CONSTRAINT, RECURRENT_CONSTRAINT,
            BIAS_CONSTRAINT, DROPOUT, RECURRENT_DROPOUT, SEED));

    public static SimpleRNN units(int units) {
        return TYPE.make(UNITS, units);
    }

    @Override
    public LayerType<SimpleRNN> type() {
        return TYPE;
    }

    public SimpleRNN name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public SimpleRNN withName(String name) {
        return name(name);
    }

    @Override
    public SimpleRNN withDirection(String name, boolean goBackwards, boolean zeroOutputForMask) {
        return TYPE.withValues(this, Map.of(GO_BACKWARDS, goBackwards, ZERO_OUTPUT_FOR_MASK, zeroOutputForMask))
                .name(name);
    }

    public SimpleRNN returnSequences(boolean returnSequences) {
        return TYPE.with(this, RETURN_SEQUENCES, returnSequences);
    }

    public SimpleRNN returnState(boolean returnState) {
        return TYPE.with(this, RETURN_STATE, returnState);
    }

    public SimpleRNN goBackwards(boolean goBackwards) {
        return TYPE.with(this, GO_BACKWARDS, goBackwards);
    }

    public SimpleRNN unroll(boolean unroll) {
        return TYPE.with(this, UNROLL, unroll);
    }

    public SimpleRNN zeroOutputForMask(boolean zeroOutputForMask) {
        return TYPE.with(this, ZERO_OUTPUT_FOR_MASK, zeroOutputForMask);
    }

    public SimpleRNN activation(Activation activation) {
        return TYPE.with(this, ACTIVATION, activation);
    }

    public SimpleRNN useBias(boolean useBias) {
        return TYPE.with(this, USE_BIAS, useBias);
    }

    public SimpleRNN kernelInitializer(Initializer kernelInitializer) {
        return TYPE.with(this, KERNEL_INITIALIZER, kernelInitializer);
    }

    public SimpleRNN recurrentInitializer(Initializer recurrentInitializer) {
        return TYPE.with(this, RECURRENT_INITIALIZER, recurrentInitializer);
    }

    public SimpleRNN biasInitializer(Initializer biasInitializer) {
        return TYPE.with(this, BIAS_INITIALIZER, biasInitializer);
    }

    public SimpleRNN kernelRegularizer(Regularizer kernelRegularizer) {
        return TYPE.with(this, KERNEL_REGULARIZER, kernelRegularizer);
    }

    public SimpleRNN recurrentRegularizer(Regularizer recurrentRegularizer) {
        return TYPE.with(this, RECURRENT_REGULARIZER, recurrentRegularizer);
    }

    public SimpleRNN biasRegularizer(Regularizer biasRegularizer) {
        return TYPE.with(this, BIAS_REGULARIZER, biasRegularizer);
    }

    public SimpleRNN activityRegularizer(Regularizer activityRegularizer) {
        return TYPE.with(this, ACTIVITY_REGULARIZER, activityRegularizer);
    }

    public SimpleRNN kernelConstraint(Constraint kernelConstraint) {
        return TYPE.with(this, KERNEL_CONSTRAINT, kernelConstraint);
    }

    public SimpleRNN recurrentConstraint(Constraint recurrentConstraint) {
        return TYPE.with(this, RECURRENT_CONSTRAINT, recurrentConstraint);
    }

    public SimpleRNN biasConstraint(Constraint biasConstraint) {
        return TYPE.with(this, BIAS_CONSTRAINT, biasConstraint);
    }

    public SimpleRNN dropout(double dropout) {
        return TYPE.with(this, DROPOUT, dropout);
    }

    public SimpleRNN recurrentDropout(double recurrentDropout) {
        return TYPE.with(this, RECURRENT_DROPOUT, recurrentDropout);
    }

    public SimpleRNN seed(long seed) {
        return TYPE.with(this, SEED, seed);
    }


    public SimpleRNN trainable(boolean trainable) {
        return TYPE.withTrainable(this, trainable);
    }

    @Override
    public int gates() {
        return 1;
    }

    @Override
    public void validate(String where) {
        Recurrent.super.validate(where);
        RnnFields.validate(this, where);
    }

    @Override
    public List<WeightSpec> weights(TensorShape input) {
        return RnnFields.weights(this, input, new int[] {units}, biasInitializer);
    }

    @Override
    public Activation appliedActivation() {
        return activation;
    }
}
