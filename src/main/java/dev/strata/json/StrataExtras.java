package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.ModelPenalty;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.Regularizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Strata's own top-level keys, which Keras's {@code model_from_json} ignores: Keras 3.16's
 * {@code deserialize_keras_object} reads only {@code class_name}, {@code config}, {@code module},
 * {@code registered_name}, {@code build_config}, {@code compile_config} and {@code shared_object_id}, and tf.keras
 * 2's {@code class_and_config_for_serialized_keras_object} only {@code class_name} and {@code config}. They are
 * {@code strata_format}, the version of what Strata writes, and {@code strata_penalties}, the model-level
 * penalties Keras has no field for (a Keras user loading the file gets the model without them).
 */
final class StrataExtras {
    /** Bump when the meaning of something Strata writes changes, and add a migration step for old files. */
    static final int FORMAT = 1;

    private StrataExtras() {
    }

    static void checkFormat(ReadContext ctx, Fields top) {
        Integer format = top.integer("strata_format", null);
        if (format == null) {
            return;
        }
        if (format < 1 || format > FORMAT) {
            throw ctx.unsupported(top.at("strata_format"), "strata_format " + format + " is not known to this "
                    + "version of Strata, which reads formats 1 to " + FORMAT + "; it was written by a newer Strata",
                    "strata_format");
        }
        // Format 1 is the first: no migration exists yet. A format 2 would rewrite format-1 trees here.
    }

    static List<ModelPenalty> penalties(ReadContext ctx, Fields top) {
        List<ModelPenalty> out = new ArrayList<>();
        JsonNode list = top.get("strata_penalties");
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw ctx.invalid(top.at("strata_penalties"), "must be an array. Received: " + Fields.describe(list));
        }
        for (int i = 0; i < list.size(); i++) {
            Fields p = Fields.of(ctx, list.get(i), top.at("strata_penalties").index(i), "a model penalty");
            Regularizer r = RegularizerJson.read(ctx, p.get("regularizer"), p.at("regularizer"));
            if (r == null) {
                throw ctx.invalid(p.at("regularizer"), "is required");
            }
            ModelPenalty penalty = ModelPenalty.of(r);
            if (p.bool("exclude_biases", false)) {
                penalty = penalty.withoutBiases();
            }
            if (p.bool("exclude_normalization", false)) {
                penalty = penalty.withoutNormalization();
            }
            p.rejectUnknown("model penalty");
            out.add(penalty);
        }
        return out;
    }

    static void write(ObjectNode root, ModelSpec spec, Dialect dialect) {
        root.put("strata_format", FORMAT);
        if (spec.penalties().isEmpty()) {
            return;
        }
        ArrayNode list = Json.array();
        for (ModelPenalty p : spec.penalties()) {
            ObjectNode o = Json.object();
            o.set("regularizer", RegularizerJson.write(p.regularizer(), dialect));
            o.put("exclude_biases", p.excludeBiases()).put("exclude_normalization", p.excludeNormalization());
            list.add(o);
        }
        root.set("strata_penalties", list);
    }
}
