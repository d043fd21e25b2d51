package dev.strata.spec.layers;

import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/**
 * Keras {@code UnitNormalization}: each example scaled to unit L2 norm over {@code axis} (one axis or several),
 * as Keras 3 computes it: {@code x * min(rsqrt(sum(x^2)), 1e12)}, so an all-zero slice stays zero. Keras writes
 * an int axis as an int and a list as a list; Strata writes one axis as an int.
 */
public record UnitNormalization(String name, IntTuple axis) implements Layer {

    public static final ConfigField<IntTuple> AXIS = ConfigField.ints("axis", 0).defaultsTo(IntTuple.of(-1))
            .writeSingleAsInt();

    public static final LayerType<UnitNormalization> TYPE = LayerType.of(UnitNormalization.class,
            "UnitNormalization", "unit_normalization", AXIS).passingMasks();

    public static UnitNormalization create() {
        return TYPE.defaults();
    }

    /** Normalizes over the given axes (Keras counts the batch axis as 0; -1 is the last). */
    public static UnitNormalization axis(int... axes) {
        return TYPE.make(AXIS, IntTuple.of(axes));
    }

    @Override
    public LayerType<UnitNormalization> type() {
        return TYPE;
    }

    public UnitNormalization name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public UnitNormalization withName(String name) {
        return name(name);
    }

    @Override
    public void validate(String where) {
        Layer.super.validate(where);
        if (axis.size() == 0) {
            throw new InvalidSpecException(where, "axis", "must name at least one axis");
        }
    }

    /** The axes as indices into the batch shape; the batch axis and repeated axes are refused. */
    public int[] axes(TensorShape input, String where) {
        int[] out = new int[axis.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = NormalizationFields.resolveAxis(axis.get(i), input, where, "axis", "UnitNormalization", false);
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
        axes(input, where);
        return input;
    }
}
