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
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.Regularizer;
import dev.strata.spec.TensorShape;
import dev.strata.spec.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras {@code GroupNormalization}: the channels of {@code axis} split into {@code groups} groups of consecutive
 * channels; each example normalized by the mean and variance of each group (over the group's channels and every
 * other non-batch axis), then scaled by gamma and shifted by beta per channel; the same in training and
 * inference. {@code groups=-1} is one group per channel (instance normalization); {@code groups=1} normalizes
 * over the whole example, as LayerNormalization over every axis.
 */
public record GroupNormalization(String name, int groups, int axis, double epsilon, boolean center, boolean scale,
                                 Initializer betaInitializer, Initializer gammaInitializer,
                                 Regularizer betaRegularizer, Regularizer gammaRegularizer,
                                 Constraint betaConstraint, Constraint gammaConstraint, boolean trainable)
        implements Layer {

    public static final ConfigField<Integer> GROUPS = ConfigField.integer("groups").defaultsTo(32);
    /** One axis: Keras 3 indexes the shape with it, so a list is not an axis there. */
    public static final ConfigField<Integer> AXIS = ConfigField.integer("axis").defaultsTo(-1);

    public static final LayerType<GroupNormalization> TYPE = LayerType.of(GroupNormalization.class,
            "GroupNormalization", "group_normalization", GROUPS, AXIS, EPSILON, CENTER, SCALE, BETA_INITIALIZER,
            GAMMA_INITIALIZER, BETA_REGULARIZER, GAMMA_REGULARIZER, BETA_CONSTRAINT, GAMMA_CONSTRAINT)
            .passingMasks();

    /** {@code GroupNormalization(groups)} over the last axis. */
    public static GroupNormalization groups(int groups) {
        return TYPE.make(GROUPS, groups);
    }

    @Override
    public LayerType<GroupNormalization> type() {
        return TYPE;
    }

    public GroupNormalization name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public GroupNormalization withName(String name) {
        return name(name);
    }

    /** The channel axis (Keras counts the batch axis as 0; 1 for channels-first). */
    public GroupNormalization axis(int axis) {
        return TYPE.with(this, AXIS, axis);
    }

    public GroupNormalization epsilon(double epsilon) {
        return TYPE.with(this, EPSILON, epsilon);
    }

    public GroupNormalization center(boolean center) {
        return TYPE.with(this, CENTER, center);
    }

    public GroupNormalization scale(boolean scale) {
        return TYPE.with(this, SCALE, scale);
    }

    public GroupNormalization betaInitializer(Initializer initializer) {
        return TYPE.with(this, BETA_INITIALIZER, initializer);
    }

    public GroupNormalization gammaInitializer(Initializer initializer) {
        return TYPE.with(this, GAMMA_INITIALIZER, initializer);
    }

    public GroupNormalization betaRegularizer(Regularizer regularizer) {
        return TYPE.with(this, BETA_REGULARIZER, regularizer);
    }

    public GroupNormalization gammaRegularizer(Regularizer regularizer) {
        return TYPE.with(this, GAMMA_REGULARIZER, regularizer);
    }

    public GroupNormalization betaConstraint(Constraint constraint) {
        return TYPE.with(this, BETA_CONSTRAINT, constraint);
    }

    public GroupNormalization gammaConstraint(Constraint constraint) {
        return TYPE.with(this, GAMMA_CONSTRAINT, constraint);
    }

    public GroupNormalization trainable(boolean trainable) {
        return TYPE.withTrainable(this, trainable);
    }

    @Override
    public void validate(String where) {
        Layer.super.validate(where);
        if (groups <= 0 && groups != -1) {
            throw new InvalidSpecException(where, "groups", "must be a positive integer, or -1 for instance "
                    + "normalization. Received: groups=" + groups);
        }
        NormalizationFields.checkAbsent(where, center, "beta", "center=False", betaRegularizer, betaConstraint);
        NormalizationFields.checkAbsent(where, scale, "gamma", "scale=False", gammaRegularizer, gammaConstraint);
    }

    /** The channel axis as an index into the batch shape. */
    public int channelAxis(TensorShape input, String where) {
        return NormalizationFields.resolveAxis(axis, input, where, "axis", "GroupNormalization", true);
    }

    /** The number of groups for this input: {@code groups}, or one per channel for -1. */
    public int groupCount(TensorShape input, String where) {
        int channels = input.dim(channelAxis(input, where) - 1);
        int g = groups == -1 ? channels : groups;
        if (channels < g) {
            throw new InvalidSpecException(where, "groups", "is " + g + ", more than the " + channels + " channels on "
                    + "axis " + axis + ". Received input shape " + input);
        }
        if (channels % g != 0) {
            throw new InvalidSpecException(where, "groups", "must divide the " + channels + " channels on axis " + axis
                    + ". Received: groups=" + g);
        }
        return g;
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        groupCount(input, where);
        return input;
    }

    @Override
    public List<WeightSpec> weights(TensorShape input) {
        int[] shape = {input.dim(channelAxis(input, kerasClassName()) - 1)};
        List<WeightSpec> weights = new ArrayList<>(2);
        if (scale) {
            weights.add(NormalizationFields.parameter("gamma", shape, this, gammaInitializer, gammaRegularizer,
                    gammaConstraint));
        }
        if (center) {
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
