package dev.strata.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph rules of {@link Functional}: unique names, references that resolve to an input or to an output of a
 * call that exists, no cycles, and shapes in data-flow order (a shared layer's later calls must fit the weights its
 * first call created). Every walk is iterative, so a hostile file with a very long chain cannot overflow the stack.
 */
final class FunctionalGraph {
    private FunctionalGraph() {
    }

    static String where(List<FunctionalNode> nodes, int i) {
        return Layer.describe(nodes.get(i).layer(), i);
    }

    private static String where(List<FunctionalNode> nodes, int i, int call) {
        return call == 0 ? where(nodes, i) : where(nodes, i) + ", call " + (call + 1);
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

    /** Every reference names an input or a call that exists; every layer is called at least once. */
    static void checkReferences(String modelName, List<FunctionalInput> inputs, List<FunctionalNode> nodes,
                                List<TensorRef> outputs) {
        Map<String, Integer> index = nodeIndex(nodes);
        Set<String> inputNames = inputNames(inputs);
        for (int i = 0; i < nodes.size(); i++) {
            List<List<TensorRef>> calls = nodes.get(i).calls();
            if (calls.isEmpty()) {
                throw new InvalidSpecException(where(nodes, i), "inbound_nodes",
                        "is empty: the layer is not connected to any input");
            }
            for (int c = 0; c < calls.size(); c++) {
                if (calls.get(c).isEmpty()) {
                    throw new InvalidSpecException(where(nodes, i, c), "inbound_nodes", "call " + (c + 1)
                            + " consumes no tensor");
                }
                for (TensorRef ref : calls.get(c)) {
                    String problem = resolve(ref, index, inputNames, nodes);
                    if (problem != null) {
                        throw new InvalidSpecException(where(nodes, i, c), "inbound_nodes", problem);
                    }
                }
            }
        }
        for (TensorRef out : outputs) {
            String problem = out == null ? "is null" : resolve(out, index, inputNames, nodes);
            if (problem != null) {
                throw new InvalidSpecException("model '" + modelName + "'", "output_layers", problem);
            }
        }
    }

    /** Why a reference does not resolve, or null when it does (its tensor index is checked with the shapes). */
    private static String resolve(TensorRef ref, Map<String, Integer> index, Set<String> inputNames,
                                  List<FunctionalNode> nodes) {
        if (ref == null || ref.layer() == null) {
            return "refers to an unknown input or layer 'null'";
        }
        if (inputNames.contains(ref.layer())) {
            return ref.node() == 0 && ref.index() == 0 ? null : "refers to " + ref + ", but input '" + ref.layer()
                    + "' is one tensor, " + ref.layer() + "[0][0]";
        }
        Integer producer = index.get(ref.layer());
        if (producer == null) {
            return "refers to an unknown input or layer '" + ref.layer() + "'";
        }
        int calls = nodes.get(producer).calls().size();
        return ref.node() < calls ? null : "refers to " + ref + ", but '" + ref.layer() + "' is called " + calls
                + (calls == 1 ? " time" : " times");
    }

    /**
     * Every call as {@code {node, call}} in an order where each comes after the calls whose outputs it consumes
     * (Kahn's algorithm, calls of the same layer in call order when nothing else decides).
     */
    static List<int[]> order(List<FunctionalInput> inputs, List<FunctionalNode> nodes) {
        Map<String, Integer> index = nodeIndex(nodes);
        int[] first = new int[nodes.size() + 1];
        for (int i = 0; i < nodes.size(); i++) {
            first[i + 1] = first[i] + nodes.get(i).calls().size();
        }
        int total = first[nodes.size()];
        int[] owner = new int[total];
        int[] pending = new int[total];
        List<List<Integer>> consumers = new ArrayList<>(total);
        for (int k = 0; k < total; k++) {
            consumers.add(new ArrayList<>());
        }
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < nodes.size(); i++) {
            List<List<TensorRef>> calls = nodes.get(i).calls();
            for (int c = 0; c < calls.size(); c++) {
                int me = first[i] + c;
                owner[me] = i;
                for (TensorRef ref : calls.get(c)) {
                    Integer producer = index.get(ref.layer());
                    if (producer != null) {
                        pending[me]++;
                        consumers.get(first[producer] + ref.node()).add(me);
                    }
                }
                if (pending[me] == 0) {
                    ready.add(me);
                }
            }
        }
        List<int[]> order = new ArrayList<>(total);
        while (!ready.isEmpty()) {
            int k = ready.poll();
            order.add(new int[] {owner[k], k - first[owner[k]]});
            for (int c : consumers.get(k)) {
                if (--pending[c] == 0) {
                    ready.add(c);
                }
            }
        }
        if (order.size() < total) {
            throw cycle(nodes, index, first, owner, pending);
        }
        return order;
    }

    /**
     * Every call left with pending producers lies on or downstream of a cycle, and each has a pending producer,
     * so walking pending producers from any of them must come back to a call already seen.
     */
    private static CyclicGraphException cycle(List<FunctionalNode> nodes, Map<String, Integer> index, int[] first,
                                              int[] owner, int[] pending) {
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
            int node = owner[current];
            int next = -1;
            for (TensorRef ref : nodes.get(node).calls().get(current - first[node])) {
                Integer producer = index.get(ref.layer());
                if (producer != null && pending[first[producer] + ref.node()] > 0) {
                    next = first[producer] + ref.node();
                    break;
                }
            }
            current = next;
        }
        List<Integer> loop = new ArrayList<>(walk.subList(seenAt.get(current), walk.size()));
        Collections.reverse(loop); // the walk went against the data flow
        // Start at the layer listed first, so the message does not depend on where the walk began.
        Collections.rotate(loop, -loop.indexOf(Collections.min(loop)));
        List<String> names = new ArrayList<>();
        for (int k : loop) {
            names.add(nodes.get(owner[k]).layer().name());
        }
        names.add(names.get(0));
        return new CyclicGraphException(where(nodes, owner[loop.get(0)]), names);
    }

    /**
     * Shapes and weights of every layer and call in data-flow order. A layer's weights are sized by its first call;
     * a later call on shapes that would need other weights is refused, as Keras refuses it.
     */
    static ModelSummary summarize(String modelName, List<FunctionalInput> inputs, List<FunctionalNode> nodes,
                                  List<TensorRef> outputs) {
        Map<TensorRef, TensorShape> shapes = new HashMap<>();
        for (FunctionalInput in : inputs) {
            shapes.put(TensorRef.of(in.name()), in.shape());
        }
        LayerSummary[] rows = new LayerSummary[nodes.size()];
        List<int[]> order = order(inputs, nodes);
        List<Object[]> pendingCalls = new ArrayList<>(order.size());
        for (int[] nc : order) {
            int i = nc[0];
            int c = nc[1];
            FunctionalNode node = nodes.get(i);
            Layer layer = node.layer();
            List<TensorRef> refs = node.calls().get(c);
            List<TensorShape> in = new ArrayList<>(refs.size());
            for (TensorRef ref : refs) {
                TensorShape s = shapes.get(ref);
                if (s == null) {
                    throw new InvalidSpecException(where(nodes, i, c), "inbound_nodes", "refers to " + ref + ", but '"
                            + ref.layer() + "' has fewer outputs");
                }
                in.add(s);
            }
            List<TensorShape> out = layer.outputShapes(in, where(nodes, i, c));
            for (int k = 0; k < out.size(); k++) {
                shapes.put(new TensorRef(layer.name(), c, k), out.get(k));
            }
            if (c == 0) {
                rows[i] = new LayerSummary(i, layer, in, out, layer.weights(in), node.calls());
            } else {
                checkSharedWeights(rows[i], layer.weights(in), where(nodes, i, c), in);
            }
            pendingCalls.add(new Object[] {i, c, refs, in, out});
        }
        List<LayerCallSummary> calls = new ArrayList<>(pendingCalls.size());
        for (Object[] p : pendingCalls) {
            @SuppressWarnings("unchecked")
            List<TensorRef> refs = (List<TensorRef>) p[2];
            @SuppressWarnings("unchecked")
            List<TensorShape> in = (List<TensorShape>) p[3];
            @SuppressWarnings("unchecked")
            List<TensorShape> out = (List<TensorShape>) p[4];
            calls.add(new LayerCallSummary(rows[(Integer) p[0]], (Integer) p[1], refs, in, out));
        }
        List<TensorShape> outShapes = new ArrayList<>(outputs.size());
        for (TensorRef ref : outputs) {
            TensorShape s = shapes.get(ref);
            if (s == null) {
                throw new InvalidSpecException("model '" + modelName + "'", "output_layers", "refers to " + ref
                        + ", but '" + ref.layer() + "' has fewer outputs");
            }
            outShapes.add(s);
        }
        return new ModelSummary(modelName, inputs, Arrays.asList(rows), calls, outputs, outShapes);
    }

    private static void checkSharedWeights(LayerSummary first, List<WeightSpec> again, String where,
                                           List<TensorShape> in) {
        boolean same = first.weights().size() == again.size();
        for (int k = 0; same && k < again.size(); k++) {
            same = Arrays.equals(first.weights().get(k).shape(), again.get(k).shape());
        }
        if (!same) {
            throw new InvalidSpecException(where, "inbound_nodes", "a shared layer must be called on inputs its "
                    + "weights fit: its first call on " + first.inputShapes() + " made weights " + first.weights()
                    + ", this call on " + in + " would need " + again);
        }
    }
}
