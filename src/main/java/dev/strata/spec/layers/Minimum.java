package dev.strata.spec.layers;

import dev.strata.spec.LayerType;

/**
 * Keras {@code Minimum}: the elementwise minimum, pairwise in input order as {@link Maximum} (ties send the
 * gradient to the earlier input); masks as {@link Maximum}.
 */
public record Minimum(String name) implements ElementwiseMerge {

    public static final LayerType<Minimum> TYPE = LayerType.of(Minimum.class, "Minimum", "minimum");

    public static Minimum create() {
        return TYPE.defaults();
    }

    @Override
    public LayerType<Minimum> type() {
        return TYPE;
    }

    public Minimum name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Minimum withName(String name) {
        return name(name);
    }
}
