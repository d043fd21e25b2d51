package dev.strata.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * One layer of a {@link Functional} model with every call made of it: each call lists the tensors it consumes, in
 * order. A layer called twice (a shared layer) has two calls and one set of weights. Tensors are referred to by
 * name rather than object, so the spec stays plain data that JSON can carry, and a reference to a missing layer is
 * an error instead of a dangling pointer.
 */
public record FunctionalNode(Layer layer, List<List<TensorRef>> calls) {

    public FunctionalNode {
        if (layer == null) {
            throw new InvalidSpecException("functional node", "layer", "must not be null");
        }
        List<List<TensorRef>> copy = new ArrayList<>();
        for (List<TensorRef> call : calls == null ? List.<List<TensorRef>>of() : calls) {
            copy.add(List.copyOf(call));
        }
        calls = List.copyOf(copy);
    }

    /** One call on the first output of each named input or layer. */
    public static FunctionalNode of(Layer layer, String... inbound) {
        List<TensorRef> refs = new ArrayList<>();
        for (String name : inbound) {
            refs.add(TensorRef.of(name));
        }
        return new FunctionalNode(layer, List.of(refs));
    }

    /** The same layer with one more call. */
    public FunctionalNode withCall(List<TensorRef> inbound) {
        List<List<TensorRef>> next = new ArrayList<>(calls);
        next.add(inbound);
        return new FunctionalNode(layer, next);
    }

    FunctionalNode withLayer(Layer newLayer) {
        return new FunctionalNode(newLayer, calls);
    }
}
