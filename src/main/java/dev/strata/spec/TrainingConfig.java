package dev.strata.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Keras {@code compile()} takes: optimizer, loss and metrics, and for models with several outputs a loss, a
 * loss weight and metrics per output name (Keras's dicts). Also read from a JSON {@code training_config} /
 * {@code compile_config}.
 * <pre>{@code
 * TrainingConfig.of(Optimizer.adam(), Loss.categoricalCrossentropy(), ACCURACY)          // one output
 * TrainingConfig.of(Optimizer.adam(), Loss.meanSquaredError())
 *         .loss("kind", Loss.categoricalCrossentropy()).lossWeight("kind", 0.2)        // per output
 *         .metrics("kind", ACCURACY)
 * }</pre>
 *
 * @param loss the loss of every output without one of its own, or null when each output names its own (checked
 *     against the model's outputs when it compiles)
 * @param metrics the metrics of every output without its own list
 * @param outputLosses losses by output name
 * @param lossWeights weights by output name (1 when absent); the objective is the weighted sum of the outputs'
 *     losses plus every penalty
 * @param outputMetrics metrics by output name
 */
public record TrainingConfig(Optimizer optimizer, Loss loss, List<Metric> metrics, Map<String, Loss> outputLosses,
                             Map<String, Double> lossWeights, Map<String, List<Metric>> outputMetrics) {

    public TrainingConfig {
        Checks.notNull("training config", "optimizer", optimizer);
        metrics = List.copyOf(metrics == null ? List.of() : metrics);
        outputLosses = frozen(outputLosses);
        lossWeights = frozen(lossWeights);
        Map<String, List<Metric>> m = new LinkedHashMap<>();
        (outputMetrics == null ? Map.<String, List<Metric>>of() : outputMetrics).forEach((k, v) -> m.put(k,
                List.copyOf(v)));
        outputMetrics = Collections.unmodifiableMap(m);
        for (Map.Entry<String, Double> w : lossWeights.entrySet()) {
            Checks.nonNegativeFinite("training config", "loss_weights['" + w.getKey() + "']", w.getValue());
        }
    }

    public TrainingConfig(Optimizer optimizer, Loss loss, List<Metric> metrics) {
        this(optimizer, loss, metrics, Map.of(), Map.of(), Map.of());
    }

    public static TrainingConfig of(Optimizer optimizer, Loss loss, Metric... metrics) {
        Checks.notNull("training config", "loss", loss);
        return new TrainingConfig(optimizer, loss, List.of(metrics));
    }

    /** Settings whose losses are all given per output, with {@link #loss(String, Loss)}. */
    public static TrainingConfig of(Optimizer optimizer) {
        return new TrainingConfig(optimizer, null, List.of());
    }

    private static <V> Map<String, V> frozen(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m == null ? Map.of() : m));
    }

    /** The same settings with {@code loss} for the output named {@code output}. */
    public TrainingConfig loss(String output, Loss outputLoss) {
        Map<String, Loss> next = new LinkedHashMap<>(outputLosses);
        next.put(output, outputLoss);
        return new TrainingConfig(optimizer, loss, metrics, next, lossWeights, outputMetrics);
    }

    /** The same settings with the output's loss counting {@code weight} times in the objective. */
    public TrainingConfig lossWeight(String output, double weight) {
        Map<String, Double> next = new LinkedHashMap<>(lossWeights);
        next.put(output, weight);
        return new TrainingConfig(optimizer, loss, metrics, outputLosses, next, outputMetrics);
    }

    /** The same settings with these metrics for the output named {@code output}. */
    public TrainingConfig metrics(String output, Metric... outputMetric) {
        Map<String, List<Metric>> next = new LinkedHashMap<>(outputMetrics);
        next.put(output, List.of(outputMetric));
        return new TrainingConfig(optimizer, loss, metrics, outputLosses, lossWeights, next);
    }

    /** The same settings with another optimizer. */
    public TrainingConfig optimizer(Optimizer other) {
        return new TrainingConfig(other, loss, metrics, outputLosses, lossWeights, outputMetrics);
    }

    /** Whether losses, weights or metrics are given per output name. */
    public boolean isPerOutput() {
        return !outputLosses.isEmpty() || !lossWeights.isEmpty() || !outputMetrics.isEmpty();
    }

    /**
     * The loss, weight and metrics of each output, in order. Names given that are no output of the model, and an
     * output left without a loss, are refused.
     *
     * @param outputNames the model's output names, in order
     */
    public List<OutputTraining> resolve(List<String> outputNames) {
        for (Map<String, ?> byName : List.of(outputLosses, lossWeights, outputMetrics)) {
            for (String name : byName.keySet()) {
                if (!outputNames.contains(name)) {
                    throw new InvalidSpecException("training config", "loss", "names output '" + name
                            + "', but the model's outputs are " + outputNames);
                }
            }
        }
        List<OutputTraining> out = new ArrayList<>(outputNames.size());
        for (String name : outputNames) {
            Loss l = outputLosses.getOrDefault(name, loss);
            if (l == null) {
                throw new InvalidSpecException("training config", "loss", "gives output '" + name + "' no loss");
            }
            out.add(new OutputTraining(name, l, lossWeights.getOrDefault(name, 1.0),
                    outputMetrics.getOrDefault(name, metrics)));
        }
        return out;
    }

    /**
     * The loss for people: Keras's name ({@code mean_squared_error}) for one output, else each output's,
     * with its weight where not 1 ({@code sum: mean_squared_error x 0.5, sign: sparse_categorical_crossentropy}).
     */
    public String lossDescription(List<String> outputNames) {
        List<OutputTraining> outputs = resolve(outputNames);
        if (outputs.size() == 1) {
            return outputs.get(0).loss().kerasName();
        }
        List<String> parts = new ArrayList<>();
        for (OutputTraining o : outputs) {
            parts.add(o.output() + ": " + o.loss().kerasName() + (o.weight() == 1.0 ? "" : " x " + o.weight()));
        }
        return String.join(", ", parts);
    }

    /** One output's part of the training objective. */
    public record OutputTraining(String output, Loss loss, double weight, List<Metric> metrics) {
    }
}
