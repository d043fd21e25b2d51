package dev.strata.spec;

/**
 * One tensor of a functional graph, as Keras writes it: output {@code index} of call {@code node} of the layer (or
 * input) named {@code layer} — Keras's {@code [layer_name, node_index, tensor_index]}.
 */
public record TensorRef(String layer, int node, int index) {

    public TensorRef {
        if (node < 0 || index < 0) {
            throw new InvalidSpecException("tensor reference", null, "node and tensor indices must be >= 0. Received: ["
                    + layer + ", " + node + ", " + index + "]");
        }
    }

    /** The first output of the first call: how one-output layers called once are referred to. */
    public static TensorRef of(String layer) {
        return new TensorRef(layer, 0, 0);
    }

    /** Keras's notation, {@code dense_1[0][0]}, as its summary writes it. */
    @Override
    public String toString() {
        return layer + "[" + node + "][" + index + "]";
    }
}
