package dev.strata.spec.layers;

import dev.strata.spec.LayerType;

/**
 * Keras {@code Average}: the sum of its inputs (as {@link Add}) divided by their count. When every input has a mask, the output's is their logical or, as Keras 3.
 */
public record Average(String name) implements ElementwiseMerge {

    public static final LayerType<Average> TYPE = LayerType.of(Average.class, "Average", "average");

    public static Average create() {
        return TYPE.defaults();
    }

    @Override
    public LayerType<Average> type() {
        return TYPE;
    }

    public Average name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Average withName(String name) {
        return name(name);
    }
}
