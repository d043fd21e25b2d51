package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Loss;

import java.util.Locale;

/** The data loss: a name ({@code "mse"}), a function object, or a loss class with its options. */
final class LossJson {
    private LossJson() {
    }

    static Loss read(ReadContext ctx, JsonNode v, JsonPath path) {
        if (v == null || v.isNull()) {
            throw ctx.invalid(path, "is required: the loss to train with");
        }
        if (v.isArray()) {
            if (v.size() != 1) {
                throw ctx.unsupported(path, "one loss per output (" + v.size() + " losses) is not supported",
                        "multiple losses");
            }
            return read(ctx, v.get(0), path.index(0));
        }
        if (v.isTextual()) {
            return byName(ctx, v.asText(), path);
        }
        if (!v.isObject() || !v.has("class_name")) {
            throw ctx.unsupported(path, "a loss per output name is not supported. Received: " + Fields.abbreviate(v),
                    "multiple losses");
        }
        KerasObject o = KerasObject.of(ctx, v, path, "a loss");
        if (o.className().equals("function") && o.config().isTextual()) {
            return byName(ctx, o.config().asText(), o.configPath());
        }
        if (!o.isBuiltin()) {
            throw ctx.unsupported(path, "custom loss '" + o.registeredName() + "' is not supported", o.className());
        }
        Loss base = byName(ctx, o.className(), path.key("class_name"));
        Fields c = o.configFields(ctx, o.className() + " config");
        c.string("name", null);
        c.ignore("fn");
        String reduction = c.string("reduction", "sum_over_batch_size");
        if (!reduction.equals("sum_over_batch_size") && !reduction.equals("auto")) {
            throw ctx.unsupported(c.at("reduction"), "reduction '" + reduction + "' is not supported; Strata averages "
                    + "over the batch (sum_over_batch_size)", "reduction");
        }
        Integer axis = c.integer("axis", -1);
        if (axis != -1) {
            throw ctx.unsupported(c.at("axis"), "a loss over axis " + axis + " is not supported; only -1", "axis");
        }
        c.requireNull("ignore_class", null);
        LayerCommon.checkFloat32(ctx, c.get("dtype"), c.at("dtype"));
        boolean fromLogits = c.bool("from_logits", false);
        Loss loss;
        try {
            if (base instanceof Loss.BinaryCrossentropy) {
                loss = new Loss.BinaryCrossentropy(fromLogits, c.number("label_smoothing", 0));
            } else if (base instanceof Loss.CategoricalCrossentropy) {
                loss = new Loss.CategoricalCrossentropy(fromLogits, c.number("label_smoothing", 0));
            } else if (base instanceof Loss.SparseCategoricalCrossentropy) {
                loss = new Loss.SparseCategoricalCrossentropy(fromLogits);
            } else {
                loss = base;
            }
        } catch (InvalidSpecException e) {
            throw SpecErrors.atField(ctx, e, o.configPath());
        }
        c.rejectUnknown(o.className() + " config");
        return loss;
    }

    private static Loss byName(ReadContext ctx, String name, JsonPath path) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "mse", "mean_squared_error", "meansquarederror" -> Loss.meanSquaredError();
            case "mae", "mean_absolute_error", "meanabsoluteerror" -> Loss.meanAbsoluteError();
            case "binary_crossentropy", "binarycrossentropy" -> Loss.binaryCrossentropy();
            case "categorical_crossentropy", "categoricalcrossentropy" -> Loss.categoricalCrossentropy();
            case "sparse_categorical_crossentropy", "sparsecategoricalcrossentropy" ->
                    Loss.sparseCategoricalCrossentropy();
            default -> throw ctx.unsupported(path, "loss '" + name + "' is not supported; supported: "
                    + "mean_squared_error, mean_absolute_error, binary_crossentropy, categorical_crossentropy, "
                    + "sparse_categorical_crossentropy", name);
        };
    }

    /** A name when the options are Keras's defaults (as users usually write it), a class object otherwise. */
    static JsonNode write(Loss loss, Dialect dialect) {
        ObjectNode c = Json.object();
        String cls;
        if (loss instanceof Loss.BinaryCrossentropy b && (b.fromLogits() || b.labelSmoothing() != 0)) {
            cls = "BinaryCrossentropy";
            options(c, loss, dialect).put("from_logits", b.fromLogits()).put("label_smoothing", b.labelSmoothing());
        } else if (loss instanceof Loss.CategoricalCrossentropy b && (b.fromLogits() || b.labelSmoothing() != 0)) {
            cls = "CategoricalCrossentropy";
            options(c, loss, dialect).put("from_logits", b.fromLogits()).put("label_smoothing", b.labelSmoothing());
        } else if (loss instanceof Loss.SparseCategoricalCrossentropy b && b.fromLogits()) {
            cls = "SparseCategoricalCrossentropy";
            options(c, loss, dialect).put("from_logits", true).putNull("ignore_class");
        } else {
            return Json.object().textNode(loss.kerasName());
        }
        c.put("axis", -1);
        return Json.kerasObject(dialect, "keras.losses", cls, c);
    }

    private static ObjectNode options(ObjectNode c, Loss loss, Dialect dialect) {
        if (dialect == Dialect.KERAS3) {
            return c.put("name", loss.kerasName()).put("reduction", "sum_over_batch_size");
        }
        return c.put("reduction", "auto").put("name", loss.kerasName());
    }
}
