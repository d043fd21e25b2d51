package dev.strata.spec.layers;

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
import java.util.List;

/**
 * Keras {@code PReLU}: {@code relu(x) - alpha * relu(-x)} with a learned {@code alpha} per input entry, shared
 * (size 1) along {@code shared_axes} (Keras counts the batch axis as 0, so the first feature axis is 1).
 */
public record PReLU(String name, Initializer alphaInitializer, Regularizer alphaRegularizer,
                    Constraint alphaConstraint, IntTuple sharedAxes, boolean trainable) implements Layer {

    public static final ConfigField<Initializer> ALPHA_INITIALIZER = ConfigField.initializer("alpha_initializer")
            .defaultsTo(Initializer.zeros()).alias("init");
    public static final ConfigField<Regularizer> ALPHA_REGULARIZER = ConfigField.regularizer("alpha_regularizer",
            WeightSpec.Role.KERNEL);
    public static final ConfigField<Constraint> ALPHA_CONSTRAINT = ConfigField.constraint("alpha_constraint");
    public static final ConfigField<IntTuple> SHARED_AXES = ConfigField.ints("shared_axes", 0).nullable();

    public static final LayerType<PReLU> TYPE = LayerType.of(PReLU.class, "PReLU", "p_re_lu", ALPHA_INITIALIZER,
            ALPHA_REGULARIZER, ALPHA_CONSTRAINT, SHARED_AXES)
            .passingMasks();

    public static PReLU create() {
        return TYPE.defaults();
    }

    @Override
    public LayerType<PReLU> type() {
        return TYPE;
    }

    public PReLU name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public PReLU withName(String name) {
        return name(name);
    }

    public PReLU alphaInitializer(Initializer initializer) {
        return TYPE.with(this, ALPHA_INITIALIZER, initializer);
    }

    public PReLU alphaRegularizer(Regularizer regularizer) {
        return TYPE.with(this, ALPHA_REGULARIZER, regularizer);
    }

    public PReLU alphaConstraint(Constraint constraint) {
        return TYPE.with(this, ALPHA_CONSTRAINT, constraint);
    }

    /** Axes (1 = the first after the batch) along which one alpha is shared, as after a convolution. */
    public PReLU sharedAxes(int... axes) {
        return TYPE.with(this, SHARED_AXES, IntTuple.of(axes));
    }

    public PReLU trainable(boolean trainable) {
        return TYPE.withTrainable(this, trainable);
    }

    /** The shape of alpha: the input's, with 1 on every shared axis. */
    public int[] alphaShape(TensorShape input, String where) {
        int[] shape = input.dims();
        if (sharedAxes != null) {
            for (int a : sharedAxes.toArray()) {
                if (a < 1 || a > shape.length) {
                    throw new InvalidSpecException(where, "shared_axes", "entries must name feature axes, 1 to "
                            + shape.length + " for this input. Received: shared_axes=" + sharedAxes
                            + ", input shape " + input);
                }
                shape[a - 1] = 1;
            }
        }
        for (int d : shape) {
            if (d == TensorShape.UNKNOWN) {
                throw new InvalidSpecException(where, "input", "PReLU needs every axis it does not share to have a "
                        + "defined size. Received input shape " + input + " with shared_axes=" + sharedAxes);
            }
        }
        return shape;
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        alphaShape(input, where);
        return input;
    }

    @Override
    public List<WeightSpec> weights(TensorShape input) {
        return List.of(WeightSlots.kernel("alpha", alphaShape(input, kerasClassName()), this, alphaInitializer,
                alphaRegularizer, "alpha_regularizer", alphaConstraint));
    }

    @Override
    public Activation appliedActivation() {
        return Activation.LINEAR;
    }
}
