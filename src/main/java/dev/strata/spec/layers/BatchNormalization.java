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
import java.util.List;

/**
 * Keras {@code BatchNormalization} over one feature axis. In training (and only when the layer is trainable) it
 * normalizes with the batch's mean and variance and moves {@code moving_mean} and {@code moving_variance} toward
 * them by {@code moving * momentum + batch * (1 - momentum)}; otherwise it normalizes with the moving statistics
 * (Keras 3 runs a frozen layer in inference mode). Keras 2 may write the axis as a one-entry list and Keras 1
 * {@code beta_init} / {@code gamma_init} and {@code mode=0}; both read. Batch renormalization is not supported.
 */
public record BatchNormalization(String name, IntTuple axis, double momentum, double epsilon, boolean center,
                                 boolean scale, Initializer betaInitializer, Initializer gammaInitializer,
                                 Initializer movingMeanInitializer, Initializer movingVarianceInitializer,
                                 Regularizer betaRegularizer, Regularizer gammaRegularizer,
                                 Constraint betaConstraint, Constraint gammaConstraint, boolean trainable)
        implements Layer {

    public static final ConfigField<IntTuple> AXIS = ConfigField.ints("axis", 0).defaultsTo(IntTuple.of(-1))
            .writeSingleAsInt();
    public static final ConfigField<Double> MOMENTUM = ConfigField.number("momentum").defaultsTo(0.99);
    public static final ConfigField<Initializer> MOVING_MEAN_INITIALIZER = ConfigField.initializer(
            "moving_mean_initializer").defaultsTo(Initializer.zeros());
    public static final ConfigField<Initializer> MOVING_VARIANCE_INITIALIZER = ConfigField.initializer(
            "moving_variance_initializer").defaultsTo(Initializer.ones());

    private static final String RENORM = "batch renormalization";

    public static final LayerType<BatchNormalization> TYPE = LayerType.of(BatchNormalization.class,
                    "BatchNormalization", "batch_normalization", AXIS, MOMENTUM, EPSILON, CENTER, SCALE,
                    BETA_INITIALIZER, GAMMA_INITIALIZER, MOVING_MEAN_INITIALIZER, MOVING_VARIANCE_INITIALIZER,
                    BETA_REGULARIZER, GAMMA_REGULARIZER, BETA_CONSTRAINT, GAMMA_CONSTRAINT)
            .ignores("synchronized", "cross-replica statistics; Strata trains on one device")
            .fixed("renorm", RENORM, false)
            .fixed("renorm_clipping", RENORM, (Object) null)
            .ignores("renorm_momentum", "used only by batch renormalization, which is off")
            .fixed("fused", "Keras 2's choice of kernel; the math is the same", null, true, false)
            .fixed("virtual_batch_size", "Keras 2's ghost batch normalization", (Object) null)
            .fixed("adjustment", "Keras 2's adjusted batch statistics", (Object) null)
            .fixed("mode", "Keras 1's sample-wise (1) and per-batch (2) modes", 0)
            .passingMasks();

    public static BatchNormalization create() {
        return TYPE.defaults();
    }

    /** Channels-first convolutions normalize axis 1: {@code BatchNormalization.axis(1)}. */
    public static BatchNormalization axis(int axis) {
        return TYPE.make(AXIS, IntTuple.of(axis));
    }

    @Override
    public LayerType<BatchNormalization> type() {
        return TYPE;
    }

    public BatchNormalization name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public BatchNormalization withName(String name) {
        return name(name);
    }

    public BatchNormalization momentum(double momentum) {
        return TYPE.with(this, MOMENTUM, momentum);
    }

    public BatchNormalization epsilon(double epsilon) {
        return TYPE.with(this, EPSILON, epsilon);
    }

    public BatchNormalization center(boolean center) {
        return TYPE.with(this, CENTER, center);
    }

    public BatchNormalization scale(boolean scale) {
        return TYPE.with(this, SCALE, scale);
    }

    public BatchNormalization betaInitializer(Initializer initializer) {
        return TYPE.with(this, BETA_INITIALIZER, initializer);
    }

    public BatchNormalization gammaInitializer(Initializer initializer) {
        return TYPE.with(this, GAMMA_INITIALIZER, initializer);
    }

    public BatchNormalization movingMeanInitializer(Initializer initializer) {
        return TYPE.with(this, MOVING_MEAN_INITIALIZER, initializer);
    }

    public BatchNormalization movingVarianceInitializer(Initializer initializer) {
        return TYPE.with(this, MOVING_VARIANCE_INITIALIZER, initializer);
    }

    public BatchNormalization betaRegularizer(Regularizer regularizer) {
        return TYPE.with(this, BETA_REGULARIZER, regularizer);
    }

    public BatchNormalization gammaRegularizer(Regularizer regularizer) {
        return TYPE.with(this, GAMMA_REGULARIZER, regularizer);
    }

    public BatchNormalization betaConstraint(Constraint constraint) {
        return TYPE.with(this, BETA_CONSTRAINT, constraint);
    }

    public BatchNormalization gammaConstraint(Constraint constraint) {
        return TYPE.with(this, GAMMA_CONSTRAINT, constraint);
    }

    public BatchNormalization trainable(boolean trainable) {
        return TYPE.withTrainable(this, trainable);
    }

    @Override
    public void validate(String where) {
        Layer.super.validate(where);
        if (axis.size() != 1) {
            throw new InvalidSpecException(where, "axis", "must be one axis; Keras 2's normalization over several "
                    + "axes is not supported. Received: axis=" + axis);
        }
        NormalizationFields.checkAbsent(where, center, "beta", "center=False", betaRegularizer, betaConstraint);
        NormalizationFields.checkAbsent(where, scale, "gamma", "scale=False", gammaRegularizer, gammaConstraint);
    }

    /** The normalized axis as an index into the batch shape (1 for channels-first). */
    public int featureAxis(TensorShape input, String where) {
        return NormalizationFields.resolveAxis(axis.get(0), input, where, "axis", "BatchNormalization", true);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        featureAxis(input, where);
        return input;
    }

    @Override
    public List<WeightSpec> weights(TensorShape input) {
        int[] shape = {input.dim(featureAxis(input, kerasClassName()) - 1)};
        List<WeightSpec> weights = new ArrayList<>(4);
        if (scale) {
            weights.add(NormalizationFields.parameter("gamma", shape, this, gammaInitializer, gammaRegularizer,
                    gammaConstraint));
        }
        if (center) {
            weights.add(NormalizationFields.parameter("beta", shape, this, betaInitializer, betaRegularizer,
                    betaConstraint));
        }
        weights.add(WeightSpec.state("moving_mean", shape, movingMeanInitializer));
        weights.add(WeightSpec.state("moving_variance", shape, movingVarianceInitializer));
        return weights;
    }

    @Override
    public Activation appliedActivation() {
        return Activation.LINEAR;
    }
}
