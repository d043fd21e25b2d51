package dev.strata.spec.layers;

import dev.strata.spec.ConfigField;
import dev.strata.spec.Constraint;
import dev.strata.spec.Initializer;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.Regularizer;
import dev.strata.spec.TensorShape;
import dev.strata.spec.WeightSpec;
import dev.strata.spec.WeightSpec.Role;

/**
 * The fields BatchNormalization and LayerNormalization share, with Keras 3's defaults and Keras 1's
 * {@code beta_init} / {@code gamma_init} spellings, and the axis arithmetic both need.
 */
public final class NormalizationFields {
    private NormalizationFields() {
    }

    public static final ConfigField<Double> EPSILON = ConfigField.number("epsilon").defaultsTo(1e-3).atLeast(0);
    public static final ConfigField<Boolean> CENTER = ConfigField.bool("center").defaultsTo(true);
    public static final ConfigField<Boolean> SCALE = ConfigField.bool("scale").defaultsTo(true);
    public static final ConfigField<Initializer> BETA_INITIALIZER = ConfigField.initializer("beta_initializer")
            .defaultsTo(Initializer.zeros()).alias("beta_init");
    public static final ConfigField<Initializer> GAMMA_INITIALIZER = ConfigField.initializer("gamma_initializer")
            .defaultsTo(Initializer.ones()).alias("gamma_init");
    public static final ConfigField<Regularizer> BETA_REGULARIZER = ConfigField.regularizer("beta_regularizer",
            Role.NORMALIZATION);
    public static final ConfigField<Regularizer> GAMMA_REGULARIZER = ConfigField.regularizer("gamma_regularizer",
            Role.NORMALIZATION);
    public static final ConfigField<Constraint> BETA_CONSTRAINT = ConfigField.constraint("beta_constraint");
    public static final ConfigField<Constraint> GAMMA_CONSTRAINT = ConfigField.constraint("gamma_constraint");

    /** gamma or beta: trainable unless the layer is frozen, with its regularizer and constraint slots. */
    static WeightSpec parameter(String name, int[] shape, Layer layer, Initializer init, Regularizer reg,
                                Constraint constraint) {
        return WeightSpec.of(name, Role.NORMALIZATION, shape, init, layer.trainable())
                .regularized(reg, name + "_regularizer").constrained(constraint);
    }

    /** A regularizer or constraint on a weight the layer does not create would silently do nothing. */
    static void checkAbsent(String where, boolean exists, String weight, String because, Regularizer reg,
                            Constraint constraint) {
        if (!exists && reg != null) {
            throw new InvalidSpecException(where, weight + "_regularizer", "is set but " + because
                    + ", so there is no " + weight + " to regularize");
        }
        if (!exists && constraint != null) {
            throw new InvalidSpecException(where, weight + "_constraint", "is set but " + because
                    + ", so there is no " + weight + " to constrain");
        }
    }

    /**
     * {@code axis} (Keras counts the batch axis as 0) as an index into the batch shape, checked: within the rank,
     * not the batch axis, and of known size when {@code sized}.
     */
    static int resolveAxis(int axis, TensorShape input, String where, String field, String what, boolean sized) {
        int rank = input.rank() + 1;
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new InvalidSpecException(where, field, "axis " + axis + " is out of bounds for an input of rank "
                    + rank + " (batch included). Received input shape " + input);
        }
        if (a == 0) {
            throw new InvalidSpecException(where, field, what + " over the batch axis (axis " + axis + ") would make "
                    + "each example's output depend on the rest of its batch; Strata does not support it");
        }
        if (sized && input.dim(a - 1) == TensorShape.UNKNOWN) {
            throw new InvalidSpecException(where, field, what + " needs a defined size on axis " + axis
                    + ". Received input shape " + input);
        }
        return a;
    }
}
