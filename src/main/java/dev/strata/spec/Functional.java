package dev.strata.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * A Keras functional model ({@code keras.Model(inputs, outputs)}): named inputs, layers with the calls made of
 * them, and the tensors that are the outputs. Any directed acyclic graph: branches, merges, several inputs and
 * outputs, shared layers (one layer called at several places, with one set of weights). Immutable, and valid
 * once it exists: names are unique, every reference resolves, the graph has no cycle, and every shape checks.
 * <pre>{@code
 * KerasTensor x = Input.shape(784).name("features");
 * KerasTensor h = Dense.units(64).activation(RELU).apply(x);
 * Functional m = Functional.of("mlp", x, Dense.units(10).apply(h));
 * }</pre>
 * or, by names: {@code Functional.named("mlp").input("features", 784).add(Dense.units(64).name("hidden"),
 * "features").add(Dense.units(10).name("logits"), "hidden").outputs("logits")}.
 */
public record Functional(String name, List<FunctionalInput> inputs, List<FunctionalNode> nodes,
                         List<TensorRef> outputs, List<ModelPenalty> penalties) implements ModelSpec {

    public Functional {
        if (name == null || name.isBlank()) {
            throw new InvalidSpecException("model", "name", "must be a non-empty string");
        }
        List<FunctionalNode> given = nodes == null ? List.of() : nodes;
        inputs = FunctionalGraph.nameInputs(inputs == null ? List.of() : inputs, given);
        nodes = FunctionalGraph.nameNodes(inputs, given);
        outputs = List.copyOf(outputs == null ? List.of() : outputs);
        penalties = List.copyOf(penalties == null ? List.of() : penalties);
        for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).layer().validate(FunctionalGraph.where(nodes, i));
        }
        FunctionalGraph.checkReferences(name, inputs, nodes, outputs);
        FunctionalGraph.summarize(name, inputs, nodes, outputs);
    }

    public static Functional named(String name) {
        return new Functional(name, List.of(), List.of(), List.of(), List.of());
    }

    /** The model from symbolic inputs to outputs, as {@code keras.Model(inputs, outputs)}. */
    public static Functional of(String name, List<KerasTensor> inputs, List<KerasTensor> outputs) {
        return KerasTensor.model(name, inputs, outputs);
    }

    /** A one-input, one-output model. */
    public static Functional of(String name, KerasTensor input, KerasTensor output) {
        return of(name, List.of(input), List.of(output));
    }

    /** Adds an input; {@code dims} is the shape of one example, as Keras {@code Input(shape=...)}. */
    public Functional input(String inputName, int... dims) {
        return input(new FunctionalInput(inputName, TensorShape.of(dims)));
    }

    public Functional input(FunctionalInput input) {
        List<FunctionalInput> next = new ArrayList<>(inputs);
        next.add(input);
        return new Functional(name, next, nodes, outputs, penalties);
    }

    /** Calls {@code layer} once on the first output of each named input or layer. */
    public Functional add(Layer layer, String... inbound) {
        List<FunctionalNode> next = new ArrayList<>(nodes);
        next.add(FunctionalNode.of(layer, inbound));
        return new Functional(name, inputs, next, outputs, penalties);
    }

    /** Adds a layer with all its calls. */
    public Functional add(FunctionalNode node) {
        List<FunctionalNode> next = new ArrayList<>(nodes);
        next.add(node);
        return new Functional(name, inputs, next, outputs, penalties);
    }

    /** Sets the outputs to the first output of each named input or layer, replacing any set before. */
    public Functional outputs(String... outputNames) {
        List<TensorRef> refs = new ArrayList<>();
        for (String n : outputNames) {
            refs.add(TensorRef.of(n));
        }
        return new Functional(name, inputs, nodes, refs, penalties);
    }

    public Functional penalty(Regularizer regularizer) {
        return penalty(ModelPenalty.of(regularizer));
    }

    public Functional penalty(ModelPenalty penalty) {
        List<ModelPenalty> next = new ArrayList<>(penalties);
        next.add(penalty);
        return new Functional(name, inputs, nodes, outputs, next);
    }

    /** Looks up a layer by name. */
    public Layer layer(String layerName) {
        for (FunctionalNode n : nodes) {
            if (n.layer().name().equals(layerName)) {
                return n.layer();
            }
        }
        throw new SpecException("model '" + name + "' has no layer named '" + layerName + "'");
    }

    /** True when the graph is one chain of layers from its single input to its single output. */
    public boolean isChain() {
        return !inputs.isEmpty() && !outputs.isEmpty() && summary().isChain();
    }

    /**
     * The same model as a {@link Sequential} (named like this model, input shape of the single input, layers in
     * chain order, same penalties), for tools that work on chains.
     *
     * @throws UnsupportedGraphException when the graph is not one chain
     */
    public Sequential toSequential() {
        ModelSummary s = summary();
        if (!s.isChain()) {
            throw new UnsupportedGraphException(name, null, "the model is not one chain of layers from one input to "
                    + "one output (" + s.inputs().size() + " inputs, " + s.outputs().size() + " outputs, "
                    + s.calls().size() + " layer calls)");
        }
        List<Layer> chain = new ArrayList<>();
        for (LayerCallSummary c : s.calls()) {
            chain.add(c.layer());
        }
        return new Sequential(name, inputs.get(0).shape(), chain, penalties);
    }

    @Override
    public Functional withInputShapes(List<TensorShape> shapes) {
        if (shapes.size() != inputs.size()) {
            throw new IllegalArgumentException("model '" + name + "' has " + inputs.size() + " inputs, not "
                    + shapes.size());
        }
        List<FunctionalInput> given = new ArrayList<>();
        for (int k = 0; k < inputs.size(); k++) {
            given.add(new FunctionalInput(inputs.get(k).name(), shapes.get(k)));
        }
        return new Functional(name, given, nodes, outputs, penalties);
    }

    /** Shapes, weights and calls of every layer; requires at least one input and one output. */
    @Override
    public ModelSummary summary() {
        String model = "model '" + name + "'";
        if (inputs.isEmpty()) {
            throw new InvalidSpecException(model, "input_layers", "is empty: a model needs an input");
        }
        if (outputs.isEmpty()) {
            throw new InvalidSpecException(model, "output_layers", "is empty: a model needs an output");
        }
        return FunctionalGraph.summarize(name, inputs, nodes, outputs);
    }

    /**
     * Shapes and weights of every layer, even before outputs are set, so size limits can be checked on any valid
     * graph; each row's {@code index} is the layer's position in {@link #nodes()}.
     */
    public List<LayerSummary> layerSummaries() {
        return FunctionalGraph.summarize(name, inputs, nodes, List.of()).layers();
    }
}
