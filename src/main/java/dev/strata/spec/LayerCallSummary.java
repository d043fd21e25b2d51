package dev.strata.spec;

import java.util.List;

/**
 * One call of a layer in a validated model, in an order where every call comes after the calls it consumes.
 *
 * @param row the layer called (its weights are sized by its first call)
 * @param node which call of the layer this is (0 for the first; a shared layer has several)
 * @param inputs the tensors consumed, in order
 * @param inputShapes their shapes, without the batch axis
 * @param outputShapes the shape of each output
 */
public record LayerCallSummary(LayerSummary row, int node, List<TensorRef> inputs, List<TensorShape> inputShapes,
                               List<TensorShape> outputShapes) {
    public LayerCallSummary {
        inputs = List.copyOf(inputs);
        inputShapes = List.copyOf(inputShapes);
        outputShapes = List.copyOf(outputShapes);
    }

    public Layer layer() {
        return row.layer();
    }

    /** The tensor of output {@code i} of this call. */
    public TensorRef output(int i) {
        return new TensorRef(row.layer().name(), node, i);
    }
}
