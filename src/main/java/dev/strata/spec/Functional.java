package dev.strata.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Keras functional model ({@code keras.Model(inputs, outputs)}): named inputs, layer calls wired by name, and
 * the names whose tensors are the outputs. Immutable, and valid once it exists: names are unique, every
 * reference resolves, each layer gets the one tensor it takes, the graph has no cycle, and every shape checks.
 * <pre>{@code
 * Functional.named("mlp")
 *     .input("features", 784)
 *     .add(Dense.units(64).name("hidden").activation(RELU), "features")
 *     .add(Dense.units(10).name("logits"), "hidden")
 *     .outputs("logits");
 * }</pre>
 * The compiler builds {@link Sequential} models; {@link #toSequential()} converts a graph that is one chain
 * and explains which layer breaks the chain otherwise.
 */
public record Functional(String name, List<FunctionalInput> inputs, List<FunctionalNode> nodes, List<String> outputs,
                         List<ModelPenalty> penalties) implements ModelSpec {

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
        FunctionalGraph.inferShapes(inputs, nodes);
    }

    public static Functional named(String name) {
        return new Functional(name, List.of(), List.of(), List.of(), List.of());
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

    /** Calls {@code layer} on the outputs of the named inputs or layers. */
    public Functional add(Layer layer, String... inbound) {
        List<FunctionalNode> next = new ArrayList<>(nodes);
        next.add(FunctionalNode.of(layer, inbound));
        return new Functional(name, inputs, next, outputs, penalties);
    }

    /** Sets the model outputs, replacing any set before. */
    public Functional outputs(String... outputNames) {
        return new Functional(name, inputs, nodes, List.of(outputNames), penalties);
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

    /**
     * Shapes and weights of every layer in data-flow order, whatever the graph's shape; each row's
     * {@code index} is the layer's position in {@link #nodes()}. Needs no compiler support, so size limits
     * can be checked on any valid graph.
     */
    public List<LayerSummary> layerSummaries() {
        return FunctionalGraph.inferShapes(inputs, nodes);
    }

    /** True when the graph is one chain of layers from its single input to its single output. */
    public boolean isChain() {
        try {
            toSequential();
            return true;
        } catch (SpecException e) {
            return false; // not a chain, or not complete yet (no input or output)
        }
    }

    /**
     * The same model as a {@link Sequential} (named like this model, input shape of the single input, layers in
     * chain order, same penalties), when the graph is one chain.
     *
     * @throws UnsupportedGraphException naming the input or layer where the graph branches or merges
     */
    public Sequential toSequential() {
        String model = "model '" + name + "'";
        if (inputs.isEmpty()) {
            throw new InvalidSpecException(model, "input_layers", "is empty: a model needs an input");
        }
        if (outputs.isEmpty()) {
            throw new InvalidSpecException(model, "output_layers", "is empty: a model needs an output");
        }
        if (inputs.size() > 1) {
            throw new UnsupportedGraphException(name, inputs.get(1).name(), "the model has " + inputs.size()
                    + " inputs (" + String.join(", ", FunctionalGraph.inputNames(inputs)) + ")");
        }
        if (outputs.size() > 1) {
            throw new UnsupportedGraphException(name, outputs.get(1), "the model has " + outputs.size()
                    + " outputs (" + String.join(", ", outputs) + ")");
        }
        Map<String, List<String>> consumers = new HashMap<>();
        for (FunctionalNode n : nodes) {
            consumers.computeIfAbsent(n.inbound().get(0), k -> new ArrayList<>()).add(n.layer().name());
        }
        Map<String, Integer> index = FunctionalGraph.nodeIndex(nodes);
        // Walk back from the output; every tensor on the way must feed exactly the next layer of the chain.
        List<Layer> chain = new ArrayList<>();
        String current = outputs.get(0);
        while (index.containsKey(current)) {
            FunctionalNode node = nodes.get(index.get(current));
            chain.add(0, node.layer());
            current = node.inbound().get(0);
        }
        String tensor = current;
        for (Layer layer : chain) {
            requireSingleConsumer(consumers, tensor);
            tensor = layer.name();
        }
        List<String> tail = consumers.getOrDefault(tensor, List.of());
        if (!tail.isEmpty()) {
            throw new UnsupportedGraphException(name, tensor, "the output of '" + tensor + "' is a model output and also feeds "
                    + String.join(", ", tail));
        }
        return new Sequential(name, inputs.get(0).shape(), chain, penalties);
    }

    private void requireSingleConsumer(Map<String, List<String>> consumers, String tensor) {
        List<String> users = consumers.getOrDefault(tensor, List.of());
        if (users.size() > 1) {
            throw new UnsupportedGraphException(name, tensor, "the output of '" + tensor + "' feeds " + users.size()
                    + " layers (" + String.join(", ", users) + ")");
        }
    }

    /** The summary of the equivalent {@link Sequential}; graphs that are not one chain are not supported yet. */
    @Override
    public ModelSummary summary() {
        return toSequential().summary();
    }
}
