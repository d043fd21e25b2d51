package dev.strata.spec.layers;

import dev.strata.spec.LayerType;

/**
 * Keras {@code Multiply}: the elementwise product of its inputs, in order, broadcast as {@link Add}. As Keras 3, a
 * masked input counts as 1 at its masked steps, and when every input has a mask the output is 0 where all are
 * masked and carries their logical or.
 */
public record Multiply(String name) implements ElementwiseMerge {

    public static final LayerType<Multiply> TYPE = LayerType.of(Multiply.class, "Multiply", "multiply");

    public static Multiply create() {
        return TYPE.defaults();
    }

    @Override
    public LayerType<Multiply> type() {
        return TYPE;
    }

    public Multiply name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Multiply withName(String name) {
        return name(name);
    }
}
