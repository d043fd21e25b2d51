package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Loss;
import dev.strata.spec.Reduction;
import dev.strata.spec.SpecException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The data loss: a name ({@code "mse"}, {@code "huber_loss"}), a function object, or a loss class with its options,
 * as Keras 3 writes it in {@code compile_config} and tf.keras 2 / TF.js in {@code training_config}.
 */
final class LossJson {
    /** Every name Keras 1, 2 and 3 write or read for a supported loss (lower case), to its default instance. */
    private static final Map<String, Loss> NAMES = new LinkedHashMap<>();

    static {
        names(Loss.meanSquaredError(), "mse", "mean_squared_error", "meansquarederror");
        names(Loss.meanAbsoluteError(), "mae", "mean_absolute_error", "meanabsoluteerror");
        names(Loss.meanAbsolutePercentageError(), "mape", "mean_absolute_percentage_error",
                "meanabsolutepercentageerror");
        names(Loss.meanSquaredLogarithmicError(), "msle", "mean_squared_logarithmic_error",
                "meansquaredlogarithmicerror");
        names(Loss.huber(), "huber", "huber_loss");
        names(Loss.logCosh(), "log_cosh", "logcosh");
        names(Loss.poisson(), "poisson");
        names(Loss.klDivergence(), "kl_divergence", "kld", "kullback_leibler_divergence", "kldivergence");
        names(Loss.cosineSimilarity(), "cosine_similarity", "cosinesimilarity");
        names(Loss.hinge(), "hinge");
        names(Loss.squaredHinge(), "squared_hinge", "squaredhinge");
        names(Loss.categoricalHinge(), "categorical_hinge", "categoricalhinge");
        names(Loss.binaryCrossentropy(), "binary_crossentropy", "binarycrossentropy");
        names(Loss.categoricalCrossentropy(), "categorical_crossentropy", "categoricalcrossentropy");
        names(Loss.sparseCategoricalCrossentropy(), "sparse_categorical_crossentropy",
                "sparsecategoricalcrossentropy");
        names(Loss.binaryFocalCrossentropy(), "binary_focal_crossentropy", "binaryfocalcrossentropy");
    }

    private static void names(Loss loss, String... names) {
        for (String n : names) {
            NAMES.put(n, loss);
        }
    }

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
        LayerCommon.checkFloat32(ctx, c.get("dtype"), c.at("dtype"));
        Reduction reduction = reduction(ctx, c);
        Loss loss;
        try {
            loss = options(ctx, base, c).reduction(reduction);
        } catch (InvalidSpecException e) {
            throw SpecErrors.atField(ctx, e, o.configPath());
        }
        c.rejectUnknown(o.className() + " config");
        return loss;
    }

    /** Keras's {@code reduction}; absent means its default, null is Keras's None (no reduction). */
    private static Reduction reduction(ReadContext ctx, Fields c) {
        JsonNode v = c.get("reduction");
        String name = v == null ? Reduction.SUM_OVER_BATCH_SIZE.kerasName() : v.isNull() ? null
                : c.string("reduction", null);
        try {
            return Reduction.fromKerasName(name);
        } catch (SpecException e) {
            throw ctx.unsupported(c.at("reduction"), e.getMessage(), "reduction");
        }
    }

    /** The class's own arguments, read into the default instance {@code base}. */
    private static Loss options(ReadContext ctx, Loss base, Fields c) {
        if (base instanceof Loss.CosineSimilarity) {
            return Loss.cosineSimilarity().axis(c.integer("axis", -1));
        }
        // Keras writes axis -1 for the crossentropies; Strata reduces them over the last axis only.
        Integer axis = c.integer("axis", -1);
        if (axis != -1) {
            throw ctx.unsupported(c.at("axis"), "a loss over axis " + axis + " is not supported; only -1", "axis");
        }
        if (base instanceof Loss.Huber) {
            return Loss.huber(c.number("delta", 1.0));
        }
        if (base instanceof Loss.BinaryCrossentropy) {
            return new Loss.BinaryCrossentropy(c.bool("from_logits", false), c.number("label_smoothing", 0));
        }
        if (base instanceof Loss.CategoricalCrossentropy) {
            return new Loss.CategoricalCrossentropy(c.bool("from_logits", false), c.number("label_smoothing", 0));
        }
        if (base instanceof Loss.SparseCategoricalCrossentropy) {
            c.requireNull("ignore_class", null);
            return new Loss.SparseCategoricalCrossentropy(c.bool("from_logits", false));
        }
        if (base instanceof Loss.BinaryFocalCrossentropy) {
            return new Loss.BinaryFocalCrossentropy(c.bool("apply_class_balancing", false), c.number("alpha", 0.25),
                    c.number("gamma", 2.0), c.bool("from_logits", false), c.number("label_smoothing", 0),
                    Loss.DEFAULT_REDUCTION);
        }
        return base;
    }

    private static Loss byName(ReadContext ctx, String name, JsonPath path) {
        String key = name.toLowerCase(Locale.ROOT);
        Loss loss = NAMES.get(key);
        if (loss != null) {
            return loss;
        }
        if (key.equals("cosine_proximity")) {
            throw ctx.unsupported(path, "loss 'cosine_proximity' is not supported: Keras 1 and 2.0-2.2 took the mean "
                    + "of the normalized product, later versions its sum (cosine_similarity); the file does not say "
                    + "which", name);
        }
        throw ctx.unsupported(path, "loss '" + name + "' is not supported; supported: mean_squared_error, "
                + "mean_absolute_error, mean_absolute_percentage_error, mean_squared_logarithmic_error, huber, "
                + "log_cosh, poisson, kl_divergence, cosine_similarity, hinge, squared_hinge, categorical_hinge, "
                + "binary_crossentropy, categorical_crossentropy, sparse_categorical_crossentropy, "
                + "binary_focal_crossentropy", name);
    }

    /**
     * The Keras function name when every option is Keras's default (as users usually write it), else the loss
     * class with Keras's {@code get_config} keys in Keras's order. Keras 3.15's Huber and CosineSimilarity leave
     * {@code delta} and {@code axis} out of their config (a reload falls back to the defaults); Strata writes them,
     * and Keras reads them back.
     */
    static JsonNode write(Loss loss, Dialect dialect) {
        if (loss.equals(NAMES.get(loss.kerasName()))) {
            return Json.object().textNode(loss.kerasName());
        }
        boolean keras3 = dialect == Dialect.KERAS3;
        ObjectNode c = Json.object();
        if (keras3) {
            c.put("name", instanceName(loss)).put("reduction", loss.reduction().kerasName());
        } else {
            c.put("reduction", keras2Reduction(loss.reduction())).put("name", instanceName(loss));
        }
        if (loss instanceof Loss.BinaryCrossentropy b) {
            c.put("from_logits", b.fromLogits()).put("label_smoothing", b.labelSmoothing()).put("axis", -1);
        } else if (loss instanceof Loss.CategoricalCrossentropy b) {
            c.put("from_logits", b.fromLogits()).put("label_smoothing", b.labelSmoothing()).put("axis", -1);
        } else if (loss instanceof Loss.SparseCategoricalCrossentropy b) {
            c.put("from_logits", b.fromLogits()).putNull("ignore_class");
        } else if (loss instanceof Loss.BinaryFocalCrossentropy f) {
            if (keras3) {
                c.put("from_logits", f.fromLogits()).put("label_smoothing", f.labelSmoothing()).put("axis", -1);
            }
            c.put("apply_class_balancing", f.applyClassBalancing()).put("alpha", f.alpha()).put("gamma", f.gamma());
            if (!keras3) {
                c.put("from_logits", f.fromLogits()).put("label_smoothing", f.labelSmoothing()).put("axis", -1);
            }
        } else if (loss instanceof Loss.Huber h) {
            c.put("delta", h.delta());
        } else if (loss instanceof Loss.CosineSimilarity s) {
            c.put("axis", s.axis());
        }
        return Json.kerasObject(dialect, "keras.losses", loss.className(), c);
    }

    /** The {@code name} a Keras loss object has by default: its function name, but {@code huber_loss} for Huber. */
    private static String instanceName(Loss loss) {
        return loss instanceof Loss.Huber ? "huber_loss" : loss.kerasName();
    }

    /**
     * tf.keras 2's reductions are {@code auto}, {@code sum_over_batch_size}, {@code sum} and {@code none}; Keras 3's
     * {@code mean} and {@code mean_with_sample_weight} (without sample weights) are its sum_over_batch_size.
     */
    private static String keras2Reduction(Reduction r) {
        return switch (r) {
            case SUM_OVER_BATCH_SIZE -> "auto";
            case SUM -> "sum";
            case MEAN, MEAN_WITH_SAMPLE_WEIGHT -> "sum_over_batch_size";
        };
    }
}
