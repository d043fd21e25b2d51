package dev.strata.spec;

import java.util.List;

/**
 * One row of a model summary: a named layer with the shapes its first call sees and gives, the weights it creates,
 * and the tensors each of its calls consumes (Keras's "Connected to").
 *
 * @param index the layer's position in the model's list of layers
 * @param inbound the inputs of every call, call after call
 */
public record LayerSummary(int index, Layer layer, List<TensorShape> inputShapes, List<TensorShape> outputShapes,
                           List<WeightSpec> weights, List<List<TensorRef>> inbound) {

    public LayerSummary {
        inputShapes = List.copyOf(inputShapes);
        outputShapes = List.copyOf(outputShapes);
        weights = List.copyOf(weights);
        inbound = inbound.stream().map(List::copyOf).toList();
    }

    /** A layer of a chain: one input, one output, one call. */
    public LayerSummary(int index, Layer layer, TensorShape inputShape, TensorShape outputShape,
                        List<WeightSpec> weights) {
        this(index, layer, List.of(inputShape), List.of(outputShape), weights, List.of());
    }

    /** The shape of the first input of the first call. */
    public TensorShape inputShape() {
        return inputShapes.get(0);
    }

    /** The shape of the first output of the first call. */
    public TensorShape outputShape() {
        return outputShapes.get(0);
    }

    public long paramCount() {
        long n = 0;
        for (WeightSpec w : weights) {
            n += w.size();
        }
        return n;
    }

    public long trainableParamCount() {
        long n = 0;
        for (WeightSpec w : weights) {
            n += w.trainable() ? w.size() : 0;
        }
        return n;
    }

    public String where() {
        return Layer.describe(layer, index);
    }
}
