package dev.strata.spec.layers;

import dev.strata.spec.ConfigField;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;
import java.util.List;

/**
 * Keras {@code Concatenate}: joins its inputs along {@code axis} (the batch is axis 0, -1 the last). Inputs must
 * have one rank and agree on every other known dimension; the output takes the first input's. Masks as Keras 3: an
 * unmasked input counts as all steps valid; along the steps axis the masks are joined, along the features axis
 * they are or-ed.
 */
public record Concatenate(String name, int axis) implements Layer {

    public static final ConfigField<Integer> AXIS = ConfigField.integer("axis").defaultsTo(-1);

    public static final LayerType<Concatenate> TYPE = LayerType.of(Concatenate.class, "Concatenate", "concatenate",
            AXIS);

    /** Along the last axis. */
    public static Concatenate create() {
        return TYPE.defaults();
    }

    @Override
    public LayerType<Concatenate> type() {
        return TYPE;
    }

    public Concatenate name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Concatenate withName(String name) {
        return name(name);
    }

    public Concatenate axis(int axis) {
        return TYPE.with(this, AXIS, axis);
    }

    @Override
    public void validate(String where) {
        Layer.super.validate(where);
        if (axis == 0) {
            throw new InvalidSpecException(where, "axis", "names the batch axis; Strata concatenates within each "
                    + "example. Received: axis=0");
        }
    }

    /** The concatenation axis counted with the batch as 0, for inputs of {@code rank} dimensions plus batch. */
    public int resolvedAxis(List<TensorShape> inputs, String where) {
        return MergeShapes.axis(axis, inputs.get(0).rank(), where, "axis", "Concatenate", inputs);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        throw MergeShapes.notOneInput(where, "Concatenate", input);
    }

    @Override
    public List<TensorShape> outputShapes(List<TensorShape> inputs, String where) {
        MergeShapes.requireCount(inputs, 1, Integer.MAX_VALUE, where, "Concatenate");
        return List.of(MergeShapes.concatenate(inputs, axis, false, where, "axis", "Concatenate"));
    }
}
