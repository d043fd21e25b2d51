package dev.strata.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A symbolic tensor of the functional API, as Keras's {@code KerasTensor}: an {@link Input}, or an output of a
 * layer called on symbolic tensors ({@code Dense.units(8).apply(x)}). Its shape is known at once, so a bad call
 * fails where it is written. {@link Functional#of} walks back from the outputs to build the model; calling the
 * same layer object twice shares its weights.
 */
public final class KerasTensor {
    private static final AtomicLong CALLS = new AtomicLong();

    /** One call of a layer: its inputs and the shapes of its outputs; its number orders calls by creation. */
    private record Call(Layer layer, List<KerasTensor> inputs, List<TensorShape> outputShapes, long number) {
    }

    private final Call producer;
    private final FunctionalInput input;
    private final int index;
    private final TensorShape shape;

    private KerasTensor(Call producer, FunctionalInput input, int index, TensorShape shape) {
        this.producer = producer;
        this.input = input;
        this.index = index;
        this.shape = shape;
    }

    static KerasTensor input(FunctionalInput input) {
        return new KerasTensor(null, input, 0, input.shape());
    }

    /** The outputs of calling {@code layer} on {@code inputs}; the shapes are checked now. */
    static List<KerasTensor> call(Layer layer, List<KerasTensor> inputs) {
        if (layer == null) {
            throw new InvalidSpecException("layer call", "layer", "must not be null");
        }
        if (inputs.isEmpty() || inputs.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidSpecException(describe(layer), "inputs", "must be one or more symbolic tensors");
        }
        layer.validate(describe(layer));
        List<TensorShape> in = new ArrayList<>(inputs.size());
        inputs.forEach(t -> in.add(t.shape));
        List<TensorShape> out = layer.outputShapes(in, describe(layer));
        Call call = new Call(layer, List.copyOf(inputs), out, CALLS.incrementAndGet());
        List<KerasTensor> tensors = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            tensors.add(new KerasTensor(call, null, i, out.get(i)));
        }
        return List.copyOf(tensors);
    }

    private static String describe(Layer layer) {
        return "layer " + (layer.name() == null ? "(unnamed)" : "'" + layer.name() + "'") + " ("
                + layer.kerasClassName() + ")";
    }

    /** The shape of one example, without the batch axis. */
    public TensorShape shape() {
        return shape;
    }

    /** Which output of its layer call this is (0 for a one-output layer). */
    public int index() {
        return index;
    }

    /**
     * The functional model from {@code inputs} to {@code outputs}: every layer reached walking back from the
     * outputs, with its calls in the order they were made. Unnamed inputs and layers get Keras-style names.
     */
    static Functional model(String name, List<KerasTensor> inputs, List<KerasTensor> outputs) {
        for (KerasTensor t : inputs) {
            if (t == null || t.input == null) {
                throw new InvalidSpecException("model '" + name + "'", "inputs", "must be Input tensors (Input.shape)");
            }
        }
        // Walk back from the outputs: every call the outputs depend on, and every input they reach.
        Set<Call> calls = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<FunctionalInput> reached = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<KerasTensor> todo = new ArrayDeque<>(outputs);
        while (!todo.isEmpty()) {
            KerasTensor t = todo.pop();
            if (t.input != null) {
                reached.add(t.input);
            } else if (calls.add(t.producer)) {
                todo.addAll(t.producer.inputs);
            }
        }
        Set<FunctionalInput> given = Collections.newSetFromMap(new IdentityHashMap<>());
        inputs.forEach(t -> given.add(t.input));
        for (FunctionalInput in : reached) {
            if (!given.contains(in)) {
                throw new InvalidSpecException("model '" + name + "'", "inputs", "the outputs depend on input "
                        + (in.name() == null ? "(unnamed)" : "'" + in.name() + "'") + ", which is not among the "
                        + "model's inputs");
            }
        }
        // Names: explicit ones kept, unnamed inputs and layers named as Keras would.
        Set<String> used = new HashSet<>();
        for (KerasTensor t : inputs) {
            LayerNames.claim(used, t.input.name(), "input '" + t.input.name() + "'");
        }
        List<Call> ordered = new ArrayList<>(calls);
        ordered.sort((a, b) -> Long.compare(a.number, b.number));
        Map<Layer, List<Call>> byLayer = new IdentityHashMap<>();
        List<Layer> layers = new ArrayList<>();
        for (Call c : ordered) {
            if (!byLayer.containsKey(c.layer)) {
                byLayer.put(c.layer, new ArrayList<>());
                layers.add(c.layer);
                LayerNames.claim(used, c.layer.name(), describe(c.layer));
            }
            byLayer.get(c.layer).add(c);
        }
        Map<FunctionalInput, String> inputNames = new IdentityHashMap<>();
        List<FunctionalInput> modelInputs = new ArrayList<>();
        for (KerasTensor t : inputs) {
            String n = t.input.name() != null ? t.input.name() : LayerNames.fresh("input_layer", used);
            inputNames.put(t.input, n);
            modelInputs.add(new FunctionalInput(n, t.input.shape()));
        }
        Map<Layer, String> layerNames = new IdentityHashMap<>();
        for (Layer l : layers) {
            layerNames.put(l, l.name() != null ? l.name() : LayerNames.fresh(l.namePrefix(), used));
        }
        List<FunctionalNode> nodes = new ArrayList<>();
        for (Layer l : layers) {
            List<List<TensorRef>> refs = new ArrayList<>();
            for (Call c : byLayer.get(l)) {
                List<TensorRef> call = new ArrayList<>();
                c.inputs.forEach(t -> call.add(t.ref(byLayer, layerNames, inputNames)));
                refs.add(call);
            }
            nodes.add(new FunctionalNode(l.name() == null ? l.withName(layerNames.get(l)) : l, refs));
        }
        List<TensorRef> outs = new ArrayList<>();
        outputs.forEach(t -> outs.add(t.ref(byLayer, layerNames, inputNames)));
        return new Functional(name, modelInputs, nodes, outs, List.of());
    }

    private TensorRef ref(Map<Layer, List<Call>> byLayer, Map<Layer, String> layerNames,
                          Map<FunctionalInput, String> inputNames) {
        if (input != null) {
            return TensorRef.of(inputNames.get(input));
        }
        return new TensorRef(layerNames.get(producer.layer), byLayer.get(producer.layer).indexOf(producer), index);
    }

    @Override
    public String toString() {
        return "KerasTensor(shape=" + shape + (input != null ? ", input=" + input.name()
                : ", layer=" + producer.layer.kerasClassName() + ", index=" + index) + ")";
    }
}
