package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Keras 3 writes the mask of an {@code Embedding(mask_zero=True)} into a functional config as an op layer,
 * {@code NotEqual} of the embedding's own input and 0, and passes it on as {@code mask=} to the layers that take
 * the embedded sequence. Strata propagates an embedding's mask itself, as Keras does when it builds the model, so
 * that op is dropped and its {@code mask=} arguments accepted; any other {@code NotEqual}, or a mask from
 * anything else, is still refused.
 */
final class EmbeddingMasks {
    private EmbeddingMasks() {
    }

    /**
     * Removes from {@code entries} each {@code NotEqual(x, 0)} whose {@code x} also feeds an
     * {@code Embedding(mask_zero=True)} of the same model, and returns their names.
     */
    static Set<String> drop(List<LayerEntry> entries) {
        Set<String> maskedInputs = new HashSet<>();
        for (LayerEntry e : entries) {
            JsonNode c = e.object().config();
            if (e.className().equals("Embedding") && c.path("mask_zero").asBoolean(false)) {
                String x = soleTensor(e, false);
                if (x != null) {
                    maskedInputs.add(x);
                }
            }
        }
        Set<String> dropped = new HashSet<>();
        for (Iterator<LayerEntry> it = entries.iterator(); it.hasNext(); ) {
            LayerEntry e = it.next();
            // Keras's own op (the legacy .h5 writer leaves out its module), with only a name in its config.
            if (e.className().equals("NotEqual") && e.object().isBuiltin() && e.object().config().size() == 1
                    && e.name() != null && maskedInputs.contains(soleTensor(e, true))) {
                dropped.add(e.name());
                it.remove();
            }
        }
        return dropped;
    }

    /**
     * The {@code "layer:node:tensor"} of an entry's one call's one tensor argument, followed by the literal 0
     * when {@code withZero}; null for any other shape of call.
     */
    private static String soleTensor(LayerEntry e, boolean withZero) {
        JsonNode nodes = e.object().fields().get("inbound_nodes");
        if (nodes == null || !nodes.isArray() || nodes.size() != 1 || !nodes.get(0).isObject()) {
            return null;
        }
        JsonNode call = nodes.get(0);
        JsonNode args = call.path("args");
        JsonNode kwargs = call.path("kwargs");
        if (!args.isArray() || args.size() != (withZero ? 2 : 1) || (withZero && !isZero(args.get(1)))
                || !(kwargs.isMissingNode() || kwargs.isObject() && kwargs.isEmpty())) {
            return null;
        }
        JsonNode history = args.get(0).path("config").path("keras_history");
        if (!"__keras_tensor__".equals(args.get(0).path("class_name").asText()) || !history.isArray()
                || history.size() != 3) {
            return null;
        }
        return history.get(0).asText() + ":" + history.get(1).asInt() + ":" + history.get(2).asInt();
    }

    private static boolean isZero(JsonNode v) {
        return v.isNumber() && v.doubleValue() == 0.0;
    }

    /** True when a {@code mask=} value names only dropped embedding masks (or nulls, one per input). */
    static boolean isDroppedMask(JsonNode v, Set<String> dropped) {
        if (dropped.isEmpty()) {
            return false;
        }
        if (v.isArray()) {
            boolean any = false;
            for (JsonNode m : v) {
                if (!m.isNull() && !isDroppedMask(m, dropped)) {
                    return false;
                }
                any |= !m.isNull();
            }
            return any;
        }
        JsonNode history = v.path("config").path("keras_history");
        return "__keras_tensor__".equals(v.path("class_name").asText()) && history.isArray()
                && history.size() == 3 && dropped.contains(history.get(0).asText());
    }
}
