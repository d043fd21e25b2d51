package dev.strata.spec;

import java.util.List;

/** A complete model definition: {@link Sequential} or a functional graph of layers. */
public interface ModelSpec {

    String name();

    /** Model-level penalties over all trainable weights. */
    List<ModelPenalty> penalties();

    /** Validated shapes, weights and parameter counts of every layer, in order of computation. */
    ModelSummary summary();

    /**
     * The same model with these example shapes for its inputs, in input order: to see what an input of unknown
     * size (a sequence, an image of any size) becomes for given data; {@link #summary()} then validates it.
     */
    ModelSpec withInputShapes(List<TensorShape> shapes);

    /** This model as a layer of another model, as Keras allows ({@code encoder(x)} in Keras). */
    default NestedModel asLayer() {
        return NestedModel.of(this);
    }

    /** Calls this model, as a layer, on {@code inputs}: {@code encoder.apply(x)} is Keras's {@code encoder(x)}. */
    default KerasTensor apply(KerasTensor... inputs) {
        return asLayer().apply(inputs);
    }

    /** The outputs of calling this model, as a layer, on {@code inputs}, for a model with several outputs. */
    default List<KerasTensor> applyAll(KerasTensor... inputs) {
        return asLayer().applyAll(inputs);
    }
}
