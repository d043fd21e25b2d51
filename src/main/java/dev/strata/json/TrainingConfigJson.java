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

    static TrainingConfig read(ReadContext ctx, JsonNode v, JsonPath path, boolean keras3) {
        Fields f = Fields.of(ctx, v, path, keras3 ? "compile_config" : "training_config");
        String optimizerKey = keras3 || (!f.contains("optimizer_config") && f.contains("optimizer"))
                ? "optimizer" : "optimizer_config";
        Optimizer optimizer = OptimizerJson.read(ctx, f.get(optimizerKey), f.at(optimizerKey));
        Loss loss = LossJson.read(ctx, f.get("loss"), f.at("loss"));
        List<Metric> metrics = metrics(ctx, f.get("metrics"), f.at("metrics"));
        JsonNode weighted = f.get("weighted_metrics");
        if (weighted != null && !weighted.isNull() && !weighted.isEmpty()) {
            throw ctx.unsupported(f.at("weighted_metrics"), "weighted metrics are not supported", "weighted_metrics");
        }
        JsonNode lossWeights = f.get("loss_weights");
        if (lossWeights != null && !lossWeights.isNull()
                && !(lossWeights.isArray() && lossWeights.size() == 1 && lossWeights.get(0).asDouble() == 1.0)) {
            throw ctx.unsupported(f.at("loss_weights"), "loss weights are not supported", "loss_weights");
        }
        // Execution settings: they change speed, not results.
        f.ignore("run_eagerly", "steps_per_execution", "jit_compile", "sample_weight_mode", "auto_scale_loss");
        f.rejectUnknown(keras3 ? "compile_config" : "training_config");
        return new TrainingConfig(optimizer, loss, metrics);
    }

    private static List<Metric> metrics(ReadContext ctx, JsonNode v, JsonPath path) {
        List<Metric> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw ctx.unsupported(path, "metrics per output name are not supported. Received: " + Fields.abbreviate(v),
                    "metrics");
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode m = v.get(i);
            if (m.isArray()) {
                if (v.size() != 1) {
                    throw ctx.unsupported(path, "metrics for several outputs are not supported", "metrics");
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

    static ObjectNode write(TrainingConfig config, Dialect dialect) {
        ArrayNode metrics = Json.array();
        config.metrics().forEach(m -> metrics.add(m.kerasName()));
        ObjectNode o = Json.object();
        if (dialect == Dialect.KERAS3) {
            o.set("optimizer", OptimizerJson.write(config.optimizer(), dialect));
            o.set("loss", LossJson.write(config.loss(), dialect));
            o.putNull("loss_weights");
            if (metrics.isEmpty()) {
                o.putNull("metrics");
            } else {
                o.set("metrics", metrics);
            }
            o.putNull("weighted_metrics");
            o.put("run_eagerly", false).put("steps_per_execution", 1).put("jit_compile", false);
        } else {
            o.set("loss", LossJson.write(config.loss(), dialect));
            o.set("metrics", metrics);
            o.putNull("weighted_metrics");
            o.putNull("loss_weights");
            o.set("optimizer_config", OptimizerJson.write(config.optimizer(), dialect));
        }
        return o;
    }
}
