package dev.strata.spec;

import java.util.List;

/** The validated view of a model: every layer with its shapes and weights, as Keras {@code summary()} prints. */
public record ModelSummary(String modelName, TensorShape inputShape, List<LayerSummary> layers) {

    public ModelSummary {
        layers = List.copyOf(layers);
    }

    public TensorShape outputShape() {
        return layers.isEmpty() ? inputShape : layers.get(layers.size() - 1).outputShape();
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

    /** A Keras-style table, with the regularizers of each layer shown where Keras hides them. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        String rule = "─".repeat(96) + "\n";
        sb.append("Model: \"").append(modelName).append("\"\n").append(rule);
        sb.append(String.format("%-30s %-20s %12s  %s%n", "Layer (type)", "Output Shape", "Param #", "Regularizers"));
        sb.append(rule.replace('─', '━'));
        for (LayerSummary l : layers) {
            String label = l.layer().name() + " (" + l.layer().kerasClassName() + ")";
            sb.append(String.format("%-30s %-20s %,12d  %s%n", label, l.outputShape(), l.paramCount(),
                    regularizers(l)));
        }
        sb.append(rule.replace('─', '━'));
        long total = totalParams();
        long trainable = trainableParams();
        sb.append(String.format(" Total params: %,d (%s)%n", total, bytes(total)));
        sb.append(String.format(" Trainable params: %,d (%s)%n", trainable, bytes(trainable)));
        sb.append(String.format(" Non-trainable params: %,d (%s)%n", total - trainable, bytes(total - trainable)));
        return sb.toString();
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
