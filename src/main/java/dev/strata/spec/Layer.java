package dev.strata.spec;

import java.util.List;

/**
 * A layer spec: immutable data plus the shape rules Keras applies. Graph building lives elsewhere, so the
 * same spec compiles into both the training and the inference graph.
 */
public sealed interface Layer permits Dense, Dropout, ActivationLayer, Flatten {

    /** The layer name, or null until a model assigns one. */
    String name();

    /** A copy with the given name. */
    Layer withName(String name);

    /** The class name Keras writes in JSON. */
    String kerasClassName();

    /** Prefix of automatic names, as Keras: {@code dense}, {@code dense_1}, ... */
    String namePrefix();

    /** Checks the arguments; {@code where} names the layer in messages. */
    void validate(String where);

    /** Output shape for one example of the given input shape; throws naming {@code where} if the input is unusable. */
    TensorShape outputShape(TensorShape input, String where);

    /** The weights this layer creates for an input of the given shape. */
    default List<WeightSpec> weights(TensorShape input) {
        return List.of();
    }

    /** Penalty on this layer's output (after its activation), or null. */
    default Regularizer activityRegularizer() {
        return null;
    }

    /** A human-readable locator used in every message about this layer. */
    static String describe(Layer layer, int index) {
        String name = layer.name() == null ? "(unnamed)" : "'" + layer.name() + "'";
        return "layer " + name + " (" + layer.kerasClassName() + ", layers[" + index + "])";
    }
}
