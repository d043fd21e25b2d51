package dev.strata.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph rules of {@link Functional}: unique names, resolvable references, one inbound tensor per layer,
 * no cycles, and shapes in data-flow order. Every walk is iterative, so a hostile file with a very long chain
 * cannot overflow the stack.
 */
final class FunctionalGraph {
    private FunctionalGraph() {
    }

    static String where(List<FunctionalNode> nodes, int i) {
        return Layer.describe(nodes.get(i).layer(), i);
    }

    static String whereInput(FunctionalInput input, int j) {
        return "input " + (input.name() == null ? "(unnamed)" : "'" + input.name() + "'") + " (inputs[" + j + "])";
    }

    /** Gives every unnamed input and layer a Keras-style name and checks all names are unique and usable. */
    static List<FunctionalInput> nameInputs(List<FunctionalInput> inputs, List<FunctionalNode> nodes) {
        Set<String> used = usedNames(inputs, nodes);
        List<FunctionalInput> named = new ArrayList<>(inputs.size());
        for (FunctionalInput in : inputs) {
            named.add(in.name() == null ? in.withName(LayerNames.fresh("input_layer", used)) : in);
        }
        return List.copyOf(named);
    }

    static List<FunctionalNode> nameNodes(List<FunctionalInput> namedInputs, List<FunctionalNode> nodes) {
        Set<String> used = usedNames(namedInputs, nodes);
        List<FunctionalNode> named = new ArrayList<>(nodes.size());
        for (FunctionalNode n : nodes) {
            Layer l = n.layer();
            named.add(l.name() == null ? n.withLayer(l.withName(LayerNames.fresh(l.namePrefix(), used))) : n);
        }
        return List.copyOf(named);
    }

    private static Set<String> usedNames(List<FunctionalInput> inputs, List<FunctionalNode> nodes) {
        Set<String> used = new HashSet<>();
        for (int j = 0; j < inputs.size(); j++) {
            FunctionalInput in = inputs.get(j);
            if (in == null) {
                throw new InvalidSpecException("inputs[" + j + "]", null, "input must not be null");
            }
            LayerNames.claim(used, in.name(), whereInput(in, j));
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) == null) {
                throw new InvalidSpecException("layers[" + i + "]", null, "layer must not be null");
            }
            LayerNames.claim(used, nodes.get(i).layer().name(), where(nodes, i));
        }
        return used;
    }

    /** Index of every node by layer name; inputs are looked up apart. */
    static Map<String, Integer> nodeIndex(List<FunctionalNode> nodes) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).layer().name(), i);
        }
        return index;
    }

    static Set<String> inputNames(List<FunctionalInput> inputs) {
        Set<String> names = new LinkedHashSet<>();
        for (FunctionalInput in : inputs) {
            names.add(in.name());
        }
        return names;
    }

    /** Every reference resolves, and every layer gets exactly the one tensor each supported layer takes. */
    static void checkReferences(String modelName, List<FunctionalInput> inputs, List<FunctionalNode> nodes,
                                List<String> outputs) {
        Map<String, Integer> index = nodeIndex(nodes);
        Set<String> inputNames = inputNames(inputs);
        for (int i = 0; i < nodes.size(); i++) {
            List<String> inbound = nodes.get(i).inbound();
            for (String ref : inbound) {
                if (ref == null || (!index.containsKey(ref) && !inputNames.contains(ref))) {
                    throw new InvalidSpecException(where(nodes, i), "inbound_nodes",
                            "refers to an unknown input or layer '" + ref + "'");
                }
            }
            // Dense, Dropout, Activation and Flatten each take exactly one tensor; merge layers will relax this.
            if (inbound.size() != 1) {
                throw new InvalidSpecException(where(nodes, i), "inbound_nodes",
                        inbound.isEmpty() ? "is empty: the layer is not connected to any input"
                                : "has " + inbound.size() + " inbound tensors (" + String.join(", ", inbound) + ") but "
                                + nodes.get(i).layer().kerasClassName()
                                + " takes one; merging tensors (Add, Concatenate) is not supported yet");
            }
        }
        for (String out : outputs) {
            if (out == null || (!index.containsKey(out) && !inputNames.contains(out))) {
                throw new InvalidSpecException("model '" + modelName + "'", "output_layers",
                        "refers to an unknown input or layer '" + out + "'");
            }
        }
    }

    /** Node indices in an order where every layer comes after the ones it consumes (Kahn's algorithm). */
    static List<Integer> order(List<FunctionalInput> inputs, List<FunctionalNode> nodes) {
        Map<String, Integer> index = nodeIndex(nodes);
        int[] pending = new int[nodes.size()];
        List<List<Integer>> consumers = new ArrayList<>(nodes.size());
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < nodes.size(); i++) {
            consumers.add(new ArrayList<>());
        }
        for (int i = 0; i < nodes.size(); i++) {
            for (String ref : nodes.get(i).inbound()) {
                Integer producer = index.get(ref);
                if (producer != null) {
                    pending[i]++;
                    consumers.get(producer).add(i);
                }
            }
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<Integer> order = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order.add(i);
            for (int c : consumers.get(i)) {
                if (--pending[c] == 0) {
                    ready.add(c);
                }
            }
        }
        if (order.size() < nodes.size()) {
            throw cycle(nodes, index, pending);
        }
        return order;
    }

    /**
     * Every node left with pending producers lies on or downstream of a cycle, and each has a pending producer,
     * so walking pending producers from any of them must come back to a node already seen.
     */
    private static CyclicGraphException cycle(List<FunctionalNode> nodes, Map<String, Integer> index, int[] pending) {
        int start = 0;
        while (pending[start] == 0) {
            start++;
        }
        Map<Integer, Integer> seenAt = new HashMap<>();
        List<Integer> walk = new ArrayList<>();
        int current = start;
        while (!seenAt.containsKey(current)) {
            seenAt.put(current, walk.size());
            walk.add(current);
            int next = -1;
            for (String ref : nodes.get(current).inbound()) {
                Integer producer = index.get(ref);
                if (producer != null && pending[producer] > 0) {
                    next = producer;
                    break;
                }
            }
            current = next;
        }
        List<Integer> loop = new ArrayList<>(walk.subList(seenAt.get(current), walk.size()));
        java.util.Collections.reverse(loop); // the walk went against the data flow
        // Start at the layer listed first, so the message does not depend on where the walk began.
        java.util.Collections.rotate(loop, -loop.indexOf(java.util.Collections.min(loop)));
        List<String> names = new ArrayList<>();
        for (int i : loop) {
            names.add(nodes.get(i).layer().name());
        }
        names.add(names.get(0));
        return new CyclicGraphException(where(nodes, loop.get(0)), names);
    }

    /** Shapes and weights of every layer in data-flow order; each row's index is the node's position. */
    static List<LayerSummary> inferShapes(List<FunctionalInput> inputs, List<FunctionalNode> nodes) {
        Map<String, TensorShape> shapes = new HashMap<>();
        for (FunctionalInput in : inputs) {
            shapes.put(in.name(), in.shape());
        }
        List<LayerSummary> rows = new ArrayList<>(nodes.size());
        for (int i : order(inputs, nodes)) {
            FunctionalNode node = nodes.get(i);
            TensorShape in = shapes.get(node.inbound().get(0));
            TensorShape out = node.layer().outputShape(in, where(nodes, i));
            shapes.put(node.layer().name(), out);
            rows.add(new LayerSummary(i, node.layer(), in, out, node.layer().weights(in)));
        }
        return List.copyOf(rows);
    }
}
