package dev.strata.spec;

import java.util.List;

/**
 * One call of a layer inside a {@link Functional} model: the layer and the names of the inputs or layers whose
 * output tensors it consumes, in call order. Names rather than object references keep the spec plain data, so
 * JSON can carry it and a reference to a missing layer is an error instead of a dangling pointer.
 */
public record FunctionalNode(Layer layer, List<String> inbound) {

    public FunctionalNode {
        if (layer == null) {
            throw new InvalidSpecException("functional node", "layer", "must not be null");
        }
        inbound = List.copyOf(inbound == null ? List.of() : inbound);
    }

    public static FunctionalNode of(Layer layer, String... inbound) {
        return new FunctionalNode(layer, List.of(inbound));
    }

    FunctionalNode withLayer(Layer newLayer) {
        return new FunctionalNode(newLayer, inbound);
    }
}
