package dev.strata.spec;

import java.util.List;

/** One row of a model summary: a named layer with the shapes it sees and the weights it creates. */
public record LayerSummary(int index, Layer layer, TensorShape inputShape, TensorShape outputShape,
                           List<WeightSpec> weights) {

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
