package dev.strata.spec.layers;

import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;
import java.util.List;

/**
 * Keras {@code Subtract}: {@code inputs[0] - inputs[1]}, exactly two inputs, broadcast as {@link Add}. When both
 * inputs have a mask, the output's is their logical or.
 */
public record Subtract(String name) implements ElementwiseMerge {

    public static final LayerType<Subtract> TYPE = LayerType.of(Subtract.class, "Subtract", "subtract");

    public static Subtract create() {
        return TYPE.defaults();
    }

    @Override
    public LayerType<Subtract> type() {
        return TYPE;
    }

    public Subtract name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Subtract withName(String name) {
        return name(name);
    }

    @Override
    public List<TensorShape> outputShapes(List<TensorShape> inputs, String where) {
        MergeShapes.requireCount(inputs, 2, 2, where, "Subtract");
        return ElementwiseMerge.super.outputShapes(inputs, where);
    }
}
