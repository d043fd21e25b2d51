package dev.strata.spec.layers;

import dev.strata.spec.LayerType;

/**
 * Keras {@code Add}: the sum of its inputs, added in order. Inputs of different shapes broadcast as Keras's merge
 * layers do (aligned on their last axes; a shorter input is expanded after the batch axis). When every input has a mask, the output's is their logical or, as Keras 3.
 */
public record Add(String name) implements ElementwiseMerge {

    public static final LayerType<Add> TYPE = LayerType.of(Add.class, "Add", "add");

    public static Add create() {
        return TYPE.defaults();
    }

    @Override
    public LayerType<Add> type() {
        return TYPE;
    }

    public Add name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Add withName(String name) {
        return name(name);
    }
}
