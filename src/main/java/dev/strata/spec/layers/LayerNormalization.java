package dev.strata.spec.layers;

import static dev.strata.spec.layers.NormalizationFields.BETA_CONSTRAINT;
import static dev.strata.spec.layers.NormalizationFields.BETA_INITIALIZER;
import static dev.strata.spec.layers.NormalizationFields.BETA_REGULARIZER;
import static dev.strata.spec.layers.NormalizationFields.CENTER;
import static dev.strata.spec.layers.NormalizationFields.EPSILON;
import static dev.strata.spec.layers.NormalizationFields.GAMMA_CONSTRAINT;
import static dev.strata.spec.layers.NormalizationFields.GAMMA_INITIALIZER;
import static dev.strata.spec.layers.NormalizationFields.GAMMA_REGULARIZER;
import static dev.strata.spec.layers.NormalizationFields.SCALE;

import dev.strata.spec.Activation;
import dev.strata.spec.ConfigField;
import dev.strata.spec.Constraint;
import dev.strata.spec.Initializer;
import dev.strata.spec.IntTuple;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.Regularizer;
import dev.strata.spec.TensorShape;
import dev.strata.spec.WeightSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keras {@code LayerNormalization}: each example normalized by its own mean and variance over {@code axis} (one
 * axis or several), then scaled by gamma and shifted by beta, in training and inference alike. Keras 3's deprecated
 * {@code rms_scaling=True} divides by the root of the variance (not the mean square) and drops beta; it is kept
 * as Keras computes it.
 */
public record LayerNormalization(String name, IntTuple axis, double epsilon, boolean center, boolean scale,
                                 boolean rmsScaling, Initializer betaInitializer, Initializer gammaInitializer,
                                 Regularizer betaRegularizer, Regularizer gammaRegularizer,
                                 Constraint betaConstraint, Constraint gammaConstraint, boolean trainable)
        implements Layer {

    /** Keras writes the axes as a list once the layer is built, whatever was passed. */
    public static final ConfigField<IntTuple> AXIS = ConfigField.ints("axis", 0).defaultsTo(IntTuple.of(-1));
    public static final ConfigField<Boolean> RMS_SCALING = ConfigField.bool("rms_scaling").defaultsTo(false).keras3Only();

    public static final LayerType<LayerNormalization> TYPE = LayerType.of(LayerNormalization.class,
            "LayerNormalization", "layer_normalization", AXIS, EPSILON, CENTER, SCALE, RMS_SCALING,
            BETA_INITIALIZER, GAMMA_INITIALIZER, BETA_REGULARIZER, GAMMA_REGULARIZER, BETA_CONSTRAINT,
            GAMMA_CONSTRAINT)
            .passingMasks();

    public static LayerNormalization create() {
        return TYPE.defaults();
    }

    /** Normalizes over the given axes (Keras counts the batch axis as 0; -1 is the last). */
    public static LayerNormalization axis(int... axes) {
        return TYPE.make(AXIS, IntTuple.of(axes));
    }

    @Override
    public LayerType<LayerNormalization> type() {
        return TYPE;
    }

    public LayerNormalization name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public LayerNormalization withName(String name) {
        return name(name);
    }

    public LayerNormalization epsilon(double epsilon) {
        return TYPE.with(this, EPSILON, epsilon);
    }

    public LayerNormalization center(boolean center) {
        return TYPE.with(this, CENTER, center);
    }

    public LayerNormalization scale(boolean scale) {
        return TYPE.with(this, SCALE, scale);
    }

    public LayerNormalization rmsScaling(boolean rmsScaling) {
        return TYPE.with(this, RMS_SCALING, rmsScaling);
    }

    public LayerNormalization betaInitializer(Initializer initializer) {
        return TYPE.with(this, BETA_INITIALIZER, initializer);
    }

    public LayerNormalization gammaInitializer(Initializer initializer) {
        return TYPE.with(this, GAMMA_INITIALIZER, initializer);
    }

    public LayerNormalization betaRegularizer(Regularizer regularizer) {
        return TYPE.with(this, BETA_REGULARIZER, regularizer);
    }

    public LayerNormalization gammaRegularizer(Regularizer regularizer) {
        return TYPE.with(this, GAMMA_REGULARIZER, regularizer);
    }

    public LayerNormalization betaConstraint(Constraint constraint) {
        return TYPE.with(this, BETA_CONSTRAINT, constraint);
    }

    public LayerNormalization gammaConstraint(Constraint constraint) {
        return TYPE.with(this, GAMMA_CONSTRAINT, constraint);
    }

    public LayerNormalization trainable(boolean trainable) {
        return TYPE.withTrainable(this, trainable);
    }

    /** gamma exists with scale or rms_scaling; beta with center, unless rms_scaling. */
    public boolean hasGamma() {
        return scale || rmsScaling;
    }

    public boolean hasBeta() {
        return center && !rmsScaling;
    }

    @Override
    public void validate(String where) {
        Layer.super.validate(where);
        if (axis.size() == 0) {
            throw new InvalidSpecException(where, "axis", "must name at least one axis");
        }
        NormalizationFields.checkAbsent(where, hasBeta(), "beta", rmsScaling ? "rms_scaling=True" : "center=False",
                betaRegularizer, betaConstraint);
        NormalizationFields.checkAbsent(where, hasGamma(), "gamma", "scale=False", gammaRegularizer,
                gammaConstraint);
    }

    /**
     * The axes as indices into the batch shape, in Keras's order: sorted by the values as written, so
     * {@code [1, -1]} is {@code [-1, 1]}; gamma and beta take their shape in that order.
     */
    public int[] featureAxes(TensorShape input, String where) {
        int[] raw = axis.toArray();
        Arrays.sort(raw);
        int[] out = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = NormalizationFields.resolveAxis(raw[i], input, where, "axis", "LayerNormalization", true);
            for (int j = 0; j < i; j++) {
                if (out[j] == out[i]) {
                    throw new InvalidSpecException(where, "axis", "names axis " + out[i] + " twice. Received: axis="
                            + axis);
                }
            }
        }
        return out;
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        featureAxes(input, where);
        return input;
    }

    @Override
    public List<WeightSpec> weights(TensorShape input) {
        int[] axes = featureAxes(input, kerasClassName());
        int[] shape = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            shape[i] = input.dim(axes[i] - 1);
        }
        List<WeightSpec> weights = new ArrayList<>(2);
        if (hasGamma()) {
            weights.add(NormalizationFields.parameter("gamma", shape, this, gammaInitializer, gammaRegularizer,
                    gammaConstraint));
        }
        if (hasBeta()) {
            weights.add(NormalizationFields.parameter("beta", shape, this, betaInitializer, betaRegularizer,
                    betaConstraint));
        }
        return weights;
    }

    @Override
    public Activation appliedActivation() {
        return Activation.LINEAR;
    }
}
