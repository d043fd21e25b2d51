package dev.strata.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keras {@code Sequential}: a stack of layers over one input. Immutable; {@link #add} returns a new model.
 * Layers without a name get Keras-style ones ({@code dense}, {@code dense_1}, ...), unique within the model.
 * A model that exists is valid: every argument and, once the input shape is known, every shape is checked
 * on construction, with messages naming the layer.
 */
public record Sequential(String name, TensorShape inputShape, List<Layer> layers, List<ModelPenalty> penalties)
        implements ModelSpec {

    public Sequential {
        if (name == null || name.isBlank()) {
            throw new InvalidSpecException("model", "name", "must be a non-empty string");
        }
        layers = assignNames(layers == null ? List.of() : layers);
        penalties = List.copyOf(penalties == null ? List.of() : penalties);
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).validate(Layer.describe(layers.get(i), i));
        }
        if (inputShape != null) {
            inferShapes(name, inputShape, layers);
        }
    }

    public static Sequential create() {
        return named("sequential");
    }

    public static Sequential named(String name) {
        return new Sequential(name, null, List.of(), List.of());
    }

    /** The shape of one example, without the batch dimension, as Keras {@code Input(shape=...)}. */
    public Sequential input(int... dims) {
        return input(TensorShape.of(dims));
    }

    public Sequential input(TensorShape shape) {
        return new Sequential(name, shape, layers, penalties);
    }

    public Sequential add(Layer layer) {
        if (layer == null) {
            throw new InvalidSpecException("layers[" + layers.size() + "]", null, "layer must not be null");
        }
        List<Layer> next = new ArrayList<>(layers);
        next.add(layer);
        return new Sequential(name, inputShape, next, penalties);
    }

    /** Adds a model-level penalty over all trainable weights, biases included. */
    public Sequential penalty(Regularizer regularizer) {
        return penalty(ModelPenalty.of(regularizer));
    }

    public Sequential penalty(ModelPenalty penalty) {
        List<ModelPenalty> next = new ArrayList<>(penalties);
        next.add(penalty);
        return new Sequential(name, inputShape, layers, next);
    }

    /** A copy with every layer replaced by {@code f(layer)}; names are kept unless {@code f} changes them. */
    public Sequential mapLayers(java.util.function.UnaryOperator<Layer> f) {
        List<Layer> next = new ArrayList<>(layers.size());
        for (Layer l : layers) {
            next.add(f.apply(l));
        }
        return new Sequential(name, inputShape, next, penalties);
    }

    /** Looks up a layer by name. */
    public Layer layer(String layerName) {
        for (Layer l : layers) {
            if (l.name().equals(layerName)) {
                return l;
            }
        }
        throw new SpecException("model '" + name + "' has no layer named '" + layerName + "'");
    }

    @Override
    public Sequential withInputShapes(List<TensorShape> shapes) {
        if (shapes.size() != 1) {
            throw new IllegalArgumentException("model '" + name + "' has one input, not " + shapes.size());
        }
        return new Sequential(name, shapes.get(0), layers, penalties);
    }

    /** Shapes, weights and parameter counts of every layer; requires the input shape. */
    @Override
    public ModelSummary summary() {
        if (inputShape == null) {
            throw new InvalidSpecException("model '" + name + "'", "input_shape",
                    "is missing: give the shape of one example with input(...) (Keras: an Input or InputLayer)");
        }
        if (layers.isEmpty()) {
            throw new InvalidSpecException("model '" + name + "'", "layers", "must contain at least one layer");
        }
        return inferShapes(name, inputShape, layers);
    }

    private static ModelSummary inferShapes(String modelName, TensorShape input, List<Layer> layers) {
        List<LayerSummary> rows = new ArrayList<>(layers.size());
        TensorShape shape = input;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            List<TensorShape> in = List.of(shape);
            // One tensor in, one out: as in Keras, a layer that merges a list of tensors is refused here.
            shape = layer.outputShape(shape, Layer.describe(layer, i));
            rows.add(new LayerSummary(i, layer, in, List.of(shape), layer.weights(in), List.of()));
        }
        return ModelSummary.chain(modelName, new FunctionalInput(inputName(layers), input), rows);
    }

    /** The name Keras gives a Sequential model's input layer: {@code input_layer}, unless a layer has it. */
    static String inputName(List<Layer> layers) {
        Set<String> names = new HashSet<>();
        layers.forEach(l -> names.add(l.name()));
        return LayerNames.fresh("input_layer", names);
    }

    private static List<Layer> assignNames(List<Layer> layers) {
        Set<String> used = new HashSet<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (l == null) {
                throw new InvalidSpecException("layers[" + i + "]", null, "layer must not be null");
            }
            LayerNames.claim(used, l.name(), Layer.describe(l, i));
        }
        List<Layer> named = new ArrayList<>(layers.size());
        for (Layer l : layers) {
            named.add(l.name() == null ? l.withName(LayerNames.fresh(l.namePrefix(), used)) : l);
        }
        return List.copyOf(named);
    }
}
