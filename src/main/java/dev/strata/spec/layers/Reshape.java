package dev.strata.spec.layers;

import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/**
 * Keras {@code Reshape}: gives each example the shape {@code target_shape}, in the same (row-major) order of values.
 * One entry may be -1, inferred from the others; the number of values must not change.
 */
public record Reshape(String name, IntTuple targetShape) implements Layer {

    public static final ConfigField<IntTuple> TARGET_SHAPE = ConfigField.ints("target_shape", 0).required();

    public static final LayerType<Reshape> TYPE = LayerType.of(Reshape.class, "Reshape", "reshape", TARGET_SHAPE)
            .withoutBuildConfig();

    /** Each example reshaped to {@code targetShape}, one entry of which may be -1. */
    public static Reshape to(int... targetShape) {
        return TYPE.make(TARGET_SHAPE, IntTuple.of(targetShape));
    }

    @Override
    public LayerType<Reshape> type() {
        return TYPE;
    }

    public Reshape name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Reshape withName(String name) {
        return name(name);
    }

    @Override
    public void validate(String where) {
        Layer.super.validate(where);
        int unknown = 0;
        for (int i = 0; i < targetShape.size(); i++) {
            int d = targetShape.get(i);
            if (d == -1) {
                unknown++;
            } else if (d <= 0) {
                throw new InvalidSpecException(where, "target_shape", "entries must be positive, or -1 for the one "
                        + "inferred dimension. Received: target_shape=" + targetShape);
            }
        }
        if (unknown > 1) {
            throw new InvalidSpecException(where, "target_shape", "may have at most one -1 entry. Received: "
                    + "target_shape=" + targetShape);
        }
    }

    /** Keras's rule: with an unknown input dimension the -1 stays unknown; otherwise the sizes must agree. */
    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        int[] out = targetShape.toArray();
        if (!input.isFullyDefined()) {
            return TensorShape.of(out);
        }
        long size = input.size();
        long known = 1;
        int inferred = -1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                inferred = i;
            } else {
                known *= out[i];
            }
        }
        if (inferred < 0 ? known != size : size % known != 0) {
            throw new InvalidSpecException(where, "target_shape", "must keep the number of values per example: "
                    + "the input has " + size + ", target_shape=" + targetShape + (inferred < 0 ? " makes " + known
                    : " needs a multiple of " + known) + ". Received input shape " + input);
        }
        if (inferred >= 0) {
            out[inferred] = Shapes.checkedSize(size / known, where, input, "Reshape");
        }
        return TensorShape.of(out);
    }
}
