package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.spec.TensorRef;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Functional wiring in every layout Keras has written: Keras 1/2 nested lists of calls
 * ({@code [[["dense", 0, 0, {}], ["other", 1, 0, {}]]]}) and Keras 3 call records ({@code [{"args":
 * [{"class_name": "__keras_tensor__", "config": {"keras_history": [...]}}], "kwargs": {}}]}). Each call becomes the
 * list of tensors it consumes, {@code [layer, node_index, tensor_index]} each; Keras 3's {@code initial_state}
 * tensors follow the positional ones, as Keras 2 wrote them.
 */
final class InboundNodes {
    /** Keras 3 call keywords whose tensors are extra inputs of the layer, in this order. */
    private static final List<String> TENSOR_KWARGS = List.of("initial_state", "constants");

    private InboundNodes() {
    }

    /** Every call of a layer, each as the tensors it consumes; empty for an input. */
    /** True when the entry's calls are Keras 3 call records ({@code args}/{@code kwargs}), not Keras 2 lists. */
    static boolean isKeras3(LayerEntry entry) {
        JsonNode nodes = entry.object().fields().get("inbound_nodes");
        return nodes != null && nodes.isArray() && !nodes.isEmpty() && nodes.get(0).isObject();
    }

    static List<List<TensorRef>> read(ReadContext ctx, JsonNode nodes, JsonPath path) {
        return read(ctx, nodes, path, Set.of());
    }

    /** @param masks names of dropped embedding-mask ops ({@link EmbeddingMasks}) a {@code mask=} may name */
    static List<List<TensorRef>> read(ReadContext ctx, JsonNode nodes, JsonPath path, Set<String> masks) {
        if (nodes == null || nodes.isNull()) {
            return List.of();
        }
        if (!nodes.isArray()) {
            throw ctx.invalid(path, "must be an array of calls. Received: " + Fields.describe(nodes));
        }
        List<List<TensorRef>> calls = new ArrayList<>();
        for (int c = 0; c < nodes.size(); c++) {
            calls.add(call(ctx, nodes.get(c), path.index(c), masks));
        }
        return calls;
    }

    private static List<TensorRef> call(ReadContext ctx, JsonNode call, JsonPath callPath, Set<String> masks) {
        List<TensorRef> refs = new ArrayList<>();
        if (call.isArray()) {
            for (int i = 0; i < call.size(); i++) {
                refs.add(reference(ctx, call.get(i), callPath.index(i), true));
            }
        } else if (call.isObject()) {
            Fields f = Fields.of(ctx, call, callPath, "a layer call");
            JsonNode args = f.get("args");
            if (args == null || !args.isArray()) {
                throw ctx.invalid(f.at("args"), "must be an array. Received: " + Fields.describe(args));
            }
            collectTensors(ctx, args, f.at("args"), refs);
            kwargs(ctx, f.get("kwargs"), f.at("kwargs"), refs, masks);
            f.rejectUnknown("layer call");
        } else {
            throw ctx.invalid(callPath, "must be a list of inbound tensors or a call record. Received: "
                    + Fields.describe(call));
        }
        return refs;
    }

    /** Keras 3 call arguments: tensors, or lists of tensors for layers that take several. */
    private static void collectTensors(ReadContext ctx, JsonNode args, JsonPath path, List<TensorRef> refs) {
        for (int i = 0; i < args.size(); i++) {
            JsonNode a = args.get(i);
            if (a.isArray()) {
                collectTensors(ctx, a, path.index(i), refs);
            } else if (a.isObject() && "__keras_tensor__".equals(a.path("class_name").asText())) {
                KerasObject t = KerasObject.of(ctx, a, path.index(i), "a tensor");
                Fields c = t.configFields(ctx, "keras tensor");
                refs.add(reference(ctx, c.get("keras_history"), c.at("keras_history"), false));
                c.ignore("shape"); // Strata infers shapes
                InputShapes.checkTensorDtype(ctx, c.get("dtype"), c.at("dtype"));
                c.rejectUnknown("keras tensor");
            } else {
                throw ctx.unsupported(path.index(i), "a non-tensor call argument is not supported. Received: "
                        + Fields.abbreviate(a), "call arguments");
            }
        }
    }

    /** {@code [name, node_index, tensor_index]}, plus a kwargs object in Keras 2. */
    static TensorRef reference(ReadContext ctx, JsonNode ref, JsonPath path, boolean allowKwargs) {
        if (ref == null || !ref.isArray() || ref.size() < 3 || !ref.get(0).isTextual()) {
            throw ctx.invalid(path, "must be [layer_name, node_index, tensor_index]. Received: " + Fields.describe(ref));
        }
        if (ref.size() > 4 || (ref.size() == 4 && !allowKwargs)) {
            throw ctx.invalid(path, "has " + ref.size() + " entries; expected [layer_name, node_index, tensor_index]");
        }
        String name = ref.get(0).asText();
        int node = Fields.toInt(ctx, ref.get(1), path.index(1), "node_index");
        int tensor = Fields.toInt(ctx, ref.get(2), path.index(2), "tensor_index");
        if (node < 0 || tensor < 0) {
            throw ctx.invalid(path, "node and tensor indices must be >= 0. Received: " + Fields.abbreviate(ref));
        }
        if (ref.size() == 4) {
            kwargs(ctx, ref.get(3), path.index(3), null, Set.of());
        }
        return new TensorRef(name, node, tensor);
    }

    /**
     * Call keyword arguments. Keras records {@code training} and {@code mask} at model-building time and overrides
     * them when the model runs, so they carry no meaning when null or false, nor does a mask that is an
     * embedding's own (Strata propagates it); {@code initial_state} and
     * {@code constants} tensors become extra inputs (Keras 3 only, where {@code refs} is given).
     */
    /** null, or a list of nulls (tf.keras writes one entry per input of a merge when none has a mask). */
    private static boolean allNull(JsonNode v) {
        if (v.isArray()) {
            for (JsonNode e : v) {
                if (!e.isNull()) {
                    return false;
                }
            }
            return true;
        }
        return v.isNull();
    }

    private static void kwargs(ReadContext ctx, JsonNode kwargs, JsonPath path, List<TensorRef> refs,
                               Set<String> masks) {
        if (kwargs == null || kwargs.isNull()) {
            return;
        }
        if (!kwargs.isObject()) {
            throw ctx.invalid(path, "must be an object. Received: " + Fields.describe(kwargs));
        }
        for (Iterator<String> it = kwargs.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            JsonNode v = kwargs.get(key);
            boolean harmless = (key.equals("training") && (v.isNull() || v.isBoolean() && !v.booleanValue()))
                    || (key.equals("mask") && (allNull(v) || EmbeddingMasks.isDroppedMask(v, masks)));
            if (harmless || (TENSOR_KWARGS.contains(key) && v.isNull())) {
                continue;
            }
            if (TENSOR_KWARGS.contains(key) && refs != null && (v.isArray() || v.isObject())) {
                collectTensors(ctx, v.isArray() ? v : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                        .arrayNode().add(v), path.key(key), refs);
                continue;
            }
            throw ctx.unsupported(path.key(key), "call argument " + key + "=" + Fields.abbreviate(v)
                    + " is not supported", key);
        }
    }
}
