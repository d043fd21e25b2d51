package dev.strata.spec.layers;

import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/**
 * Keras {@code Identity}: returns its input, a placeholder where a model needs a layer that does nothing. As in
 * Keras the output keeps the input's mask, and the logits of a softmax or sigmoid before it.
 */
public record Identity(String name) implements Layer {

    public static final LayerType<Identity> TYPE = LayerType.of(Identity.class, "Identity", "identity")
            .passingMasks();

    public static Identity create() {
        return TYPE.defaults();
    }

    @Override
    public LayerType<Identity> type() {
        return TYPE;
    }

    public Identity name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Identity withName(String name) {
        return name(name);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        return input;
    }
}
