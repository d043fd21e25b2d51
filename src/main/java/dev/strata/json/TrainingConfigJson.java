package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.Optimizer;
import dev.strata.spec.SpecException;
import dev.strata.spec.TrainingConfig;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code compile()} was given: Keras 3's {@code compile_config} ({@code optimizer}) or the
 * {@code training_config} of tf.keras HDF5 files and TensorFlow.js model.json ({@code optimizer_config}).
 */
final class TrainingConfigJson {
    /** Keras metric classes with a Strata equivalent; {@code Accuracy} (exact match) deliberately has none. */
    private static final Map<String, Metric> METRIC_CLASSES = Map.of(
            "BinaryAccuracy", Metric.BINARY_ACCURACY,
            "CategoricalAccuracy", Metric.CATEGORICAL_ACCURACY,
            "SparseCategoricalAccuracy", Metric.SPARSE_CATEGORICAL_ACCURACY,
            "MeanAbsoluteError", Metric.MEAN_ABSOLUTE_ERROR,
            "MeanSquaredError", Metric.MEAN_SQUARED_ERROR);

    private TrainingConfigJson() {
    }

    /**
     * @param outputs the model's output names, in order: a loss, weight or metrics list per output (Keras's list
     *     forms) is matched to them by position, a dict by name
     */
    static TrainingConfig read(ReadContext ctx, JsonNode v, JsonPath path, boolean keras3, List<String> outputs) {
        Fields f = Fields.of(ctx, v, path, keras3 ? "compile_config" : "training_config");
        String optimizerKey = keras3 || (!f.contains("optimizer_config") && f.contains("optimizer"))
                ? "optimizer" : "optimizer_config";
        Optimizer optimizer = OptimizerJson.read(ctx, f.get(optimizerKey), f.at(optimizerKey));
        TrainingConfig config = TrainingConfig.of(optimizer);
        JsonNode loss = f.get("loss");
        Map<String, JsonNode> perOutput = perOutput(ctx, loss, f.at("loss"), outputs, "loss");
        if (perOutput == null) {
            config = new TrainingConfig(optimizer, LossJson.read(ctx, loss, f.at("loss")), List.of());
        } else {
            for (Map.Entry<String, JsonNode> e : perOutput.entrySet()) {
                config = config.loss(e.getKey(), LossJson.read(ctx, e.getValue(), pathOf(f.at("loss"), loss,
                        e.getKey(), outputs)));
            }
        }
        JsonNode metricsNode = f.get("metrics");
        Map<String, JsonNode> metricsPerOutput = metricsNode != null && (metricsNode.isObject()
                || (metricsNode.isArray() && outputs.size() > 1 && metricsNode.size() == outputs.size()
                && allArraysOrNull(metricsNode))) ? perOutput(ctx, metricsNode, f.at("metrics"), outputs, "metrics")
                : null;
        if (metricsPerOutput == null) {
            config = new TrainingConfig(config.optimizer(), config.loss(), metrics(ctx, metricsNode, f.at("metrics")),
                    config.outputLosses(), config.lossWeights(), config.outputMetrics());
        } else {
            for (Map.Entry<String, JsonNode> e : metricsPerOutput.entrySet()) {
                List<Metric> ms = metrics(ctx, e.getValue(), pathOf(f.at("metrics"), metricsNode, e.getKey(),
                        outputs));
                config = config.metrics(e.getKey(), ms.toArray(new Metric[0]));
            }
        }
        JsonNode weighted = f.get("weighted_metrics");
        if (weighted != null && !weighted.isNull() && !weighted.isEmpty()) {
            throw ctx.unsupported(f.at("weighted_metrics"), "weighted metrics are not supported", "weighted_metrics");
        }
        config = lossWeights(ctx, f.get("loss_weights"), f.at("loss_weights"), outputs, config);
        // Execution settings: they change speed, not results.
        f.ignore("run_eagerly", "steps_per_execution", "jit_compile", "sample_weight_mode", "auto_scale_loss");
        f.rejectUnknown(keras3 ? "compile_config" : "training_config");
        return config;
    }

    private static boolean allArraysOrNull(JsonNode list) {
        for (JsonNode e : list) {
            if (!e.isArray() && !e.isNull()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A value given per output, by name (a dict) or by position (a list as long as the outputs, for a model with
     * several outputs), as output name to value; null when the value is one for every output.
     */
    private static Map<String, JsonNode> perOutput(ReadContext ctx, JsonNode v, JsonPath path, List<String> outputs,
                                                   String what) {
        if (v == null || v.isNull()) {
            return null;
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (v.isObject() && !v.has("class_name")) {
            for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!outputs.contains(name)) {
                    throw ctx.invalid(path.key(name), what + " names output '" + name + "', but the model's outputs "
                            + "are " + outputs);
                }
                if (!v.get(name).isNull()) {
                    out.put(name, v.get(name));
                }
            }
            return out;
        }
        if (v.isArray() && outputs.size() > 1 && !(what.equals("metrics") && !allArraysOrNull(v))) {
            if (v.size() != outputs.size()) {
                throw ctx.invalid(path, what + " lists " + v.size() + " entries for " + outputs.size() + " outputs "
                        + outputs);
            }
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isNull()) {
                    out.put(outputs.get(i), v.get(i));
                }
            }
            return out;
        }
        return null;
    }

    private static JsonPath pathOf(JsonPath base, JsonNode container, String output, List<String> outputs) {
        return container.isObject() ? base.key(output) : base.index(outputs.indexOf(output));
    }

    /** A number for every output, a list by position, or a dict by name. */
    private static TrainingConfig lossWeights(ReadContext ctx, JsonNode v, JsonPath path, List<String> outputs,
                                              TrainingConfig config) {
        if (v == null || v.isNull()) {
            return config;
        }
        if (v.isNumber()) {
            for (String o : outputs) {
                config = config.lossWeight(o, v.doubleValue());
            }
            return config;
        }
        if (v.isArray() && v.size() == 1 && outputs.size() == 1) {
            return weight(ctx, config, outputs.get(0), v.get(0), path.index(0));
        }
        Map<String, JsonNode> byOutput = perOutput(ctx, v, path, outputs, "loss_weights");
        if (byOutput == null) {
            throw ctx.invalid(path, "must be a number, a list with one weight per output or a dict by output name. "
                    + "Received: " + Fields.abbreviate(v));
        }
        for (Map.Entry<String, JsonNode> e : byOutput.entrySet()) {
            config = weight(ctx, config, e.getKey(), e.getValue(), pathOf(path, v, e.getKey(), outputs));
        }
        return config;
    }

    private static TrainingConfig weight(ReadContext ctx, TrainingConfig config, String output, JsonNode w,
                                         JsonPath at) {
        if (!w.isNumber()) {
            throw ctx.invalid(at, "must be a number. Received: " + Fields.describe(w));
        }
        try {
            return config.lossWeight(output, w.doubleValue());
        } catch (dev.strata.spec.InvalidSpecException e) {
            throw ctx.invalid(at, e.problem());
        }
    }

    private static List<Metric> metrics(ReadContext ctx, JsonNode v, JsonPath path) {
        List<Metric> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw ctx.invalid(path, "must be a list of metrics. Received: " + Fields.abbreviate(v));
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode m = v.get(i);
            if (m.isArray()) {
                if (v.size() != 1) {
                    throw ctx.invalid(path, "lists metrics per output for " + v.size() + " outputs");
                }
                return metrics(ctx, m, path.index(i)); // one output's list, as tf.keras and TF.js nest it
            }
            out.add(metric(ctx, m, path.index(i)));
        }
        return out;
    }

    private static Metric metric(ReadContext ctx, JsonNode m, JsonPath path) {
        String name;
        if (m.isTextual()) {
            name = m.asText();
        } else {
            KerasObject o = KerasObject.of(ctx, m, path, "a metric");
            Fields c = o.configFields(ctx, o.className() + " config");
            if (METRIC_CLASSES.containsKey(o.className()) && o.isBuiltin()) {
                c.ignore("name", "dtype");
                c.rejectUnknown(o.className() + " config");
                return METRIC_CLASSES.get(o.className());
            }
            if (!o.className().equals("MeanMetricWrapper")) {
                throw ctx.unsupported(path, "metric " + o.className() + " is not supported", o.className());
            }
            // tf.keras wraps metric functions; "fn" says which, "name" is what the user typed.
            JsonNode fn = c.get("fn");
            name = fn != null && fn.isTextual() ? fn.asText() : c.requireString("name");
            c.ignore("name", "dtype");
        }
        try {
            return Metric.fromKerasName(name);
        } catch (SpecException e) {
            throw ctx.unsupported(path, "metric '" + name + "' is not supported; supported: accuracy, "
                    + "binary_accuracy, categorical_accuracy, sparse_categorical_accuracy, mae, mse", name);
        }
    }

    /**
     * Keras's forms: one loss and a list of metrics, or dicts by output name when the settings are given per
     * output (every output named, so Keras and Strata read them alike).
     *
     * @param outputs the model's output names, in order
     */
    static ObjectNode write(TrainingConfig config, Dialect dialect, List<String> outputs) {
        JsonNode loss;
        JsonNode metrics;
        JsonNode weights = null;
        if (config.isPerOutput()) {
            List<TrainingConfig.OutputTraining> resolved = config.resolve(outputs);
            ObjectNode losses = Json.object();
            ObjectNode perMetrics = Json.object();
            ObjectNode perWeights = Json.object();
            for (TrainingConfig.OutputTraining o : resolved) {
                losses.set(o.output(), LossJson.write(o.loss(), dialect));
                ArrayNode ms = Json.array();
                o.metrics().forEach(m -> ms.add(m.kerasName()));
                perMetrics.set(o.output(), ms);
                perWeights.put(o.output(), o.weight());
            }
            loss = losses;
            metrics = perMetrics;
            weights = perWeights;
        } else {
            loss = LossJson.write(config.loss(), dialect);
            ArrayNode ms = Json.array();
            config.metrics().forEach(m -> ms.add(m.kerasName()));
            metrics = ms.isEmpty() && dialect == Dialect.KERAS3 ? com.fasterxml.jackson.databind.node.NullNode.instance
                    : ms;
        }
        ObjectNode o = Json.object();
        if (dialect == Dialect.KERAS3) {
            o.set("optimizer", OptimizerJson.write(config.optimizer(), dialect));
            o.set("loss", loss);
            o.set("loss_weights", weights == null ? com.fasterxml.jackson.databind.node.NullNode.instance : weights);
            o.set("metrics", metrics);
            o.putNull("weighted_metrics");
            o.put("run_eagerly", false).put("steps_per_execution", 1).put("jit_compile", false);
        } else {
            o.set("loss", loss);
            o.set("metrics", metrics);
            o.putNull("weighted_metrics");
            o.set("loss_weights", weights == null ? com.fasterxml.jackson.databind.node.NullNode.instance : weights);
            o.set("optimizer_config", OptimizerJson.write(config.optimizer(), dialect));
        }
        return o;
    }
}
