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
 * Keras {@code GRU}: gates {@code z, r, h} in that order along the kernels' last axis, {@code h' = z * h + (1 - z)
 * * activation(.)}. With {@code reset_after} (Keras 3's and tf.keras 2's default) the reset gate multiplies the
 * recurrent projection and the bias has a second, recurrent row: shape {@code (2, 3 * units)}; without it the reset
 * gate multiplies the previous state first and the bias is {@code (3 * units)}. A config without the key is read as
 * {@code reset_after=False}: only Keras before the argument existed (standalone Keras up to 2.1.3, TF.js) wrote
 * none, and that GRU is the reset-before one; {@link #units} builds Keras 3's default.
 */
public record GRU(String name, boolean returnSequences, boolean returnState, boolean goBackwards, boolean unroll,
                  boolean zeroOutputForMask, int units, Activation activation, Activation recurrentActivation,
                  boolean useBias, Initializer kernelInitializer, Initializer recurrentInitializer,
                  Initializer biasInitializer, Regularizer kernelRegularizer, Regularizer recurrentRegularizer,
                  Regularizer biasRegularizer, Regularizer activityRegularizer, Constraint kernelConstraint,
                  Constraint recurrentConstraint, Constraint biasConstraint, double dropout, double recurrentDropout,
                  boolean resetAfter, Long seed, boolean trainable) implements Recurrent {

    /** Absent means False (see the class comment); {@link #units} sets Keras 3's True. */
    public static final ConfigField<Boolean> RESET_AFTER = ConfigField.bool("reset_after").defaultsTo(false);

    public static final LayerType<GRU> TYPE = RnnFields.common(LayerType.of(GRU.class, "GRU", "gru",
            RETURN_SEQUENCES, RETURN_STATE, GO_BACKWARDS, UNROLL, ZERO_OUTPUT_FOR_MASK, UNITS, ACTIVATION,
            RECURRENT_ACTIVATION, USE_BIAS, KERNEL_INITIALIZER, RECURRENT_INITIALIZER, BIAS_INITIALIZER,
            KERNEL_REGULARIZER, RECURRENT_REGULARIZER, BIAS_REGULARIZER, ACTIVITY_REGULARIZER, KERNEL_CONSTRAINT,
            RECURRENT_CONSTRAINT, BIAS_CONSTRAINT, DROPOUT, RECURRENT_DROPOUT, RESET_AFTER, SEED));

    /** Keras 3's GRU: {@code reset_after=True}. */
    public static GRU units(int units) {
        return TYPE.make(UNITS, units, RESET_AFTER, true);
    }

    @Override
    public LayerType<GRU> type() {
        return TYPE;
    }

    public GRU name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public GRU withName(String name) {
        return name(name);
    }

    @Override
    public GRU withDirection(String name, boolean goBackwards, boolean zeroOutputForMask) {
        return TYPE.withValues(this, Map.of(GO_BACKWARDS, goBackwards, ZERO_OUTPUT_FOR_MASK, zeroOutputForMask))
                .name(name);
    }

    public GRU returnSequences(boolean returnSequences) {
        return TYPE.with(this, RETURN_SEQUENCES, returnSequences);
    }

    public GRU returnState(boolean returnState) {
        return TYPE.with(this, RETURN_STATE, returnState);
    }

    public GRU goBackwards(boolean goBackwards) {
        return TYPE.with(this, GO_BACKWARDS, goBackwards);
    }

    public GRU unroll(boolean unroll) {
        return TYPE.with(this, UNROLL, unroll);
    }

    public GRU zeroOutputForMask(boolean zeroOutputForMask) {
        return TYPE.with(this, ZERO_OUTPUT_FOR_MASK, zeroOutputForMask);
    }

    public GRU activation(Activation activation) {
        return TYPE.with(this, ACTIVATION, activation);
    }

    public GRU recurrentActivation(Activation recurrentActivation) {
        return TYPE.with(this, RECURRENT_ACTIVATION, recurrentActivation);
    }

    public GRU useBias(boolean useBias) {
        return TYPE.with(this, USE_BIAS, useBias);
    }

    public GRU kernelInitializer(Initializer kernelInitializer) {
        return TYPE.with(this, KERNEL_INITIALIZER, kernelInitializer);
    }

    public GRU recurrentInitializer(Initializer recurrentInitializer) {
        return TYPE.with(this, RECURRENT_INITIALIZER, recurrentInitializer);
    }

    public GRU biasInitializer(Initializer biasInitializer) {
        return TYPE.with(this, BIAS_INITIALIZER, biasInitializer);
    }

    public GRU kernelRegularizer(Regularizer kernelRegularizer) {
        return TYPE.with(this, KERNEL_REGULARIZER, kernelRegularizer);
    }

    public GRU recurrentRegularizer(Regularizer recurrentRegularizer) {
        return TYPE.with(this, RECURRENT_REGULARIZER, recurrentRegularizer);
    }

    public GRU biasRegularizer(Regularizer biasRegularizer) {
        return TYPE.with(this, BIAS_REGULARIZER, biasRegularizer);
    }

    public GRU activityRegularizer(Regularizer activityRegularizer) {
        return TYPE.with(this, ACTIVITY_REGULARIZER, activityRegularizer);
    }

    public GRU kernelConstraint(Constraint kernelConstraint) {
        return TYPE.with(this, KERNEL_CONSTRAINT, kernelConstraint);
    }

    public GRU recurrentConstraint(Constraint recurrentConstraint) {
        return TYPE.with(this, RECURRENT_CONSTRAINT, recurrentConstraint);
    }

    public GRU biasConstraint(Constraint biasConstraint) {
        return TYPE.with(this, BIAS_CONSTRAINT, biasConstraint);
    }

    public GRU dropout(double dropout) {
        return TYPE.with(this, DROPOUT, dropout);
    }

    public GRU recurrentDropout(double recurrentDropout) {
        return TYPE.with(this, RECURRENT_DROPOUT, recurrentDropout);
    }

    public GRU resetAfter(boolean resetAfter) {
        return TYPE.with(this, RESET_AFTER, resetAfter);
    }

    public GRU seed(long seed) {
        return TYPE.with(this, SEED, seed);
    }


    public GRU trainable(boolean trainable) {
        return TYPE.withTrainable(this, trainable);
    }

    @Override
    public int gates() {
        return 3;
    }

    @Override
    public void validate(String where) {
        Recurrent.super.validate(where);
        RnnFields.validate(this, where);
    }

    @Override
    public List<WeightSpec> weights(TensorShape input) {
        int[] bias = resetAfter ? new int[] {2, 3 * units} : new int[] {3 * units};
        return RnnFields.weights(this, input, bias, biasInitializer);
    }

    @Override
    public Activation appliedActivation() {
        return null; // the output mixes the previous state in: not an activation of logits
    }
}
