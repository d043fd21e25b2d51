package dev.strata.spec.layers;

import dev.strata.spec.LayerType;

/**
 * Keras {@code Maximum}: the elementwise maximum, taken pairwise in input order ({@code max(max(a, b), c)}), so
 * at an exact tie the whole gradient goes to the earlier input, as in Keras with TensorFlow. As Keras 3, a
 * masked step takes the other inputs' value, and the output mask is the inputs' logical or when all have one.
 */
public record Maximum(String name) implements ElementwiseMerge {

    public static final LayerType<Maximum> TYPE = LayerType.of(Maximum.class, "Maximum", "maximum");

    public static Maximum create() {
        return TYPE.defaults();
    }

    @Override
    public LayerType<Maximum> type() {
        return TYPE;
    }

    public Maximum name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Maximum withName(String name) {
        return name(name);
    }
}
