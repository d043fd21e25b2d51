package dev.strata.spec;

import java.util.List;

/**
 * A layer spec: an immutable record plus the shape rules Keras applies. What the layer class is (Keras name,
 * config fields, defaults) lives in its {@link LayerType}; graph building lives in a kernel in the graph
 * package, so the same spec compiles into both the training and the inference graph.
 *
 * <p>To add a layer: one record here (its fields, shape rule and weights) and one kernel in the graph package.
 */
public interface Layer {

    /** The descriptor of this layer's class. */
    LayerType<?> type();

    /** The layer name, or null until a model assigns one. */
    String name();

    /** A copy with the given name. */
    Layer withName(String name);

    /** The class name Keras writes in JSON. */
    default String kerasClassName() {
        return type().kerasClassName();
    }

    /** Prefix of automatic names, as Keras: {@code dense}, {@code dense_1}, ... */
    default String namePrefix() {
        return type().namePrefix();
    }

    /** Whether the layer's weights train ({@code trainable=False} freezes them, as in Keras). */
    default boolean trainable() {
        return type().trainable(this);
    }

    /**
     * Checks the arguments; {@code where} names the layer in messages. The default checks every field against its
     * declaration; layers with rules across fields add them after calling this.
     */
    default void validate(String where) {
        type().checkFields(this, where);
    }

    /** Output shape for one example of the given input shape; throws naming {@code where} if the input is unusable. */
    TensorShape outputShape(TensorShape input, String where);

    /**
     * Output shapes for the shapes of the tensors a call passes in: a merge layer takes several, an RNN with
     * {@code return_state} gives several. The default takes exactly one input and gives one output.
     */
    default List<TensorShape> outputShapes(List<TensorShape> inputs, String where) {
        if (inputs.size() != 1) {
            throw new InvalidSpecException(where, "inbound_nodes", kerasClassName() + " takes one input tensor. "
                    + "Received " + inputs.size() + ": " + inputs);
        }
        return List.of(outputShape(inputs.get(0), where));
    }

    /** The weights this layer creates for an input of the given shape, in Keras's order. */
    default List<WeightSpec> weights(TensorShape input) {
        return List.of();
    }

    /** The weights for the input shapes of the layer's first call; the default sizes them by the first input. */
    default List<WeightSpec> weights(List<TensorShape> inputs) {
        return weights(inputs.get(0));
    }

    /** Penalty on this layer's output (after its activation), or null. */
    default Regularizer activityRegularizer() {
        return null;
    }

    /**
     * The keyword under which Keras passes this layer's inputs after the first ({@code initial_state} for recurrent
     * layers), or null when every input is a positional argument (merge layers take one list). Keras 3 JSON
     * records the call that way.
     */
    default String extraInputsKeyword() {
        return null;
    }

    /**
     * The activation this layer applies last, or null when it applies none (shape, pooling, dropout and noise
     * layers pass their input's through). Tools pick a default loss from the model's last one.
     */
    default Activation appliedActivation() {
        return null;
    }

    /**
     * Calls this layer on symbolic tensors, as Keras's {@code layer(x)}: the output tensor of a one-output layer.
     * Calling the same layer object again shares its weights.
     */
    default KerasTensor apply(KerasTensor... inputs) {
        List<KerasTensor> outs = KerasTensor.call(this, java.util.Arrays.asList(inputs));
        if (outs.size() != 1) {
            throw new InvalidSpecException("layer " + (name() == null ? "(unnamed)" : "'" + name() + "'") + " ("
                    + kerasClassName() + ")", "outputs", "gives " + outs.size() + " tensors; use applyAll");
        }
        return outs.get(0);
    }

    /** Calls this layer on symbolic tensors and returns every output (an RNN with return_state gives several). */
    default List<KerasTensor> applyAll(KerasTensor... inputs) {
        return KerasTensor.call(this, java.util.Arrays.asList(inputs));
    }

    /** A human-readable locator used in every message about this layer. */
    static String describe(Layer layer, int index) {
        String name = layer.name() == null ? "(unnamed)" : "'" + layer.name() + "'";
        return "layer " + name + " (" + layer.kerasClassName() + ", layers[" + index + "])";
    }
}
