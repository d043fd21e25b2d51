package dev.strata.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The validated view of a model, as Keras {@code summary()} prints it: its inputs, every layer with its shapes and
 * weights, every call of every layer in an order where each call comes after what it consumes, and the outputs.
 *
 * @param calls the layer calls in data-flow order; a Sequential model has one call per layer, in order
 * @param outputs the model's output tensors, with {@code outputShapes} their shapes
 */
public record ModelSummary(String modelName, List<FunctionalInput> inputs, List<LayerSummary> layers,
                           List<LayerCallSummary> calls, List<TensorRef> outputs, List<TensorShape> outputShapes) {

    public ModelSummary {
        inputs = List.copyOf(inputs);
        layers = List.copyOf(layers);
        calls = List.copyOf(calls);
        outputs = List.copyOf(outputs);
        outputShapes = List.copyOf(outputShapes);
    }

    /** A chain: one input, each layer called once on the previous layer's output, the last layer's output. */
    static ModelSummary chain(String modelName, FunctionalInput input, List<LayerSummary> rows) {
        List<LayerCallSummary> calls = new ArrayList<>(rows.size());
        List<LayerSummary> withInbound = new ArrayList<>(rows.size());
        TensorRef previous = TensorRef.of(input.name());
        for (LayerSummary row : rows) {
            LayerSummary r = new LayerSummary(row.index(), row.layer(), row.inputShapes(), row.outputShapes(),
                    row.weights(), List.of(List.of(previous)));
            withInbound.add(r);
            calls.add(new LayerCallSummary(r, 0, List.of(previous), r.inputShapes(), r.outputShapes()));
            previous = TensorRef.of(row.layer().name());
        }
        TensorShape out = rows.isEmpty() ? input.shape() : rows.get(rows.size() - 1).outputShape();
        return new ModelSummary(modelName, List.of(input), withInbound, calls, List.of(previous), List.of(out));
    }

    /**
     * A name per output, as Keras names them in logs ({@code dense_1_loss}): the producing layer's name, with
     * {@code _1}, {@code _2}, ... when one name would stand for several outputs.
     */
    public List<String> outputNames() {
        List<String> names = new ArrayList<>(outputs.size());
        java.util.Set<String> used = new java.util.HashSet<>();
        for (TensorRef r : outputs) {
            names.add(LayerNames.fresh(r.layer(), used));
        }
        return names;
    }

    /** The shape of the first input. */
    public TensorShape inputShape() {
        return inputs.get(0).shape();
    }

    /** The shape of the first output. */
    public TensorShape outputShape() {
        return outputShapes.get(0);
    }

    /** True for one input, one output, and every layer called once on the previous layer's output. */
    public boolean isChain() {
        if (inputs.size() != 1 || outputs.size() != 1) {
            return false;
        }
        TensorRef previous = TensorRef.of(inputs.get(0).name());
        for (LayerCallSummary c : calls) {
            if (c.node() != 0 || c.inputs().size() != 1 || !c.inputs().get(0).equals(previous)
                    || c.outputShapes().size() != 1) {
                return false;
            }
            previous = c.output(0);
        }
        return outputs.get(0).equals(previous) && calls.size() == layers.size();
    }

    public long totalParams() {
        return layers.stream().mapToLong(LayerSummary::paramCount).sum();
    }

    public long trainableParams() {
        return layers.stream().mapToLong(LayerSummary::trainableParamCount).sum();
    }

    /** Number of non-zero regularizers on weights and outputs. */
    public int regularizerCount() {
        int n = 0;
        for (LayerSummary l : layers) {
            for (WeightSpec w : l.weights()) {
                n += w.regularizer() != null && w.trainable() ? 1 : 0;
            }
            n += l.layer().activityRegularizer() != null ? 1 : 0;
        }
        return n;
    }

    /**
     * A Keras-style table, with the regularizers of each layer shown where Keras hides them; a model that is not a
     * chain gets Keras's "Connected to" column and its input layers as rows.
     */
    @Override
    public String toString() {
        boolean graph = !isChain();
        StringBuilder sb = new StringBuilder();
        int width = graph ? 126 : 96;
        String rule = "─".repeat(width) + "\n";
        sb.append("Model: \"").append(modelName).append("\"\n").append(rule);
        String format = graph ? "%-30s %-20s %12s  %-28s  %s%n" : "%-30s %-20s %12s  %s%n";
        sb.append(graph ? String.format(format, "Layer (type)", "Output Shape", "Param #", "Connected to",
                "Regularizers") : String.format(format, "Layer (type)", "Output Shape", "Param #", "Regularizers"));
        sb.append(rule.replace('─', '━'));
        if (graph) {
            for (FunctionalInput in : inputs) {
                sb.append(String.format(format, in.name() + " (InputLayer)", in.shape(), 0, "-", "-"));
            }
        }
        for (LayerSummary l : layers) {
            String label = l.layer().name() + " (" + l.layer().kerasClassName() + ")";
            String shape = l.outputShapes().size() == 1 ? l.outputShape().toString() : l.outputShapes().toString();
            String params = String.format(Locale.ROOT, "%,d", l.paramCount());
            if (graph) {
                sb.append(String.format(format, label, shape, params, connectedTo(l), regularizers(l)));
            } else {
                sb.append(String.format(format, label, shape, params, regularizers(l)));
            }
        }
        sb.append(rule.replace('─', '━'));
        long total = totalParams();
        long trainable = trainableParams();
        sb.append(String.format(" Total params: %,d (%s)%n", total, bytes(total)));
        sb.append(String.format(" Trainable params: %,d (%s)%n", trainable, bytes(trainable)));
        sb.append(String.format(" Non-trainable params: %,d (%s)%n", total - trainable, bytes(total - trainable)));
        return sb.toString();
    }

    private static String connectedTo(LayerSummary l) {
        List<String> parts = new ArrayList<>();
        for (List<TensorRef> call : l.inbound()) {
            for (TensorRef r : call) {
                parts.add(r.toString());
            }
        }
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    private static String regularizers(LayerSummary l) {
        StringBuilder sb = new StringBuilder();
        for (WeightSpec w : l.weights()) {
            if (w.regularizer() != null) {
                sb.append(sb.length() > 0 ? ", " : "").append(w.name()).append('=').append(Describe.of(w.regularizer()));
            }
        }
        if (l.layer().activityRegularizer() != null) {
            sb.append(sb.length() > 0 ? ", " : "").append("activity=").append(Describe.of(l.layer().activityRegularizer()));
        }
        return sb.length() == 0 ? "-" : sb.toString();
    }

    private static String bytes(long params) {
        double b = params * 4.0;
        if (b < 1024) {
            return String.format("%.2f B", b);
        }
        if (b < 1024 * 1024) {
            return String.format("%.2f KB", b / 1024);
        }
        return String.format("%.2f MB", b / (1024 * 1024));
    }
}
