package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Functional wiring in both layouts: Keras 1/2 nested lists ({@code [[["dense", 0, 0, {}]]]}) and Keras 3 call
 * records ({@code [{"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": [...]}}],
 * "kwargs": {}}]}). Strata layers produce one tensor and are called once, so every reference must be
 * {@code [name, 0, 0]}.
 */
final class InboundNodes {
    private InboundNodes() {
    }

    /** The names of the tensors a layer consumes; empty for an input. */
    static List<String> read(ReadContext ctx, JsonNode nodes, JsonPath path) {
        if (nodes == null || nodes.isNull()) {
            return List.of();
        }
        if (!nodes.isArray()) {
            throw ctx.invalid(path, "must be an array of calls. Received: " + Fields.describe(nodes));
        }
        if (nodes.size() > 1) {
            throw ctx.unsupported(path.index(1), "the layer is called " + nodes.size() + " times (a shared layer); "
                    + "shared layers are not supported yet", "shared layer");
        }
        if (nodes.isEmpty()) {
            return List.of();
        }
        JsonNode call = nodes.get(0);
        JsonPath callPath = path.index(0);
        List<String> refs = new ArrayList<>();
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
            kwargs(ctx, f.get("kwargs"), f.at("kwargs"));
            f.rejectUnknown("layer call");
        } else {
            throw ctx.invalid(callPath, "must be a list of inbound tensors or a call record. Received: "
                    + Fields.describe(call));
        }
        return refs;
    }

    /** Keras 3 call arguments: tensors, or lists of tensors for layers that take several. */
    private static void collectTensors(ReadContext ctx, JsonNode args, JsonPath path, List<String> refs) {
        for (int i = 0; i < args.size(); i++) {
            JsonNode a = args.get(i);
            if (a.isArray()) {
                collectTensors(ctx, a, path.index(i), refs);
            } else if (a.isObject() && "__keras_tensor__".equals(a.path("class_name").asText())) {
                KerasObject t = KerasObject.of(ctx, a, path.index(i), "a tensor");
                Fields c = t.configFields(ctx, "keras tensor");
                refs.add(reference(ctx, c.get("keras_history"), c.at("keras_history"), false));
                c.ignore("shape", "dtype"); // Strata infers shapes and computes in float32
                LayerCommon.checkFloat32(ctx, c.get("dtype"), c.at("dtype"));
                c.rejectUnknown("keras tensor");
            } else {
                throw ctx.unsupported(path.index(i), "a non-tensor call argument is not supported. Received: "
                        + Fields.abbreviate(a), "call arguments");
            }
        }
    }

    /** {@code [name, node_index, tensor_index]}, plus a kwargs object in Keras 2. */
    static String reference(ReadContext ctx, JsonNode ref, JsonPath path, boolean allowKwargs) {
        if (ref == null || !ref.isArray() || ref.size() < 3 || !ref.get(0).isTextual()) {
            throw ctx.invalid(path, "must be [layer_name, node_index, tensor_index]. Received: " + Fields.describe(ref));
        }
        if (ref.size() > 4 || (ref.size() == 4 && !allowKwargs)) {
            throw ctx.invalid(path, "has " + ref.size() + " entries; expected [layer_name, node_index, tensor_index]");
        }
        String name = ref.get(0).asText();
        int node = Fields.toInt(ctx, ref.get(1), path.index(1), "node_index");
        int tensor = Fields.toInt(ctx, ref.get(2), path.index(2), "tensor_index");
        if (node != 0) {
            throw ctx.unsupported(path.index(1), "a reference to call #" + node + " of '" + name
                    + "' (a shared layer) is not supported yet", "shared layer");
        }
        if (tensor != 0) {
            throw ctx.unsupported(path.index(2), "a reference to output #" + tensor + " of '" + name
                    + "' (a layer with several outputs) is not supported yet", "multiple outputs");
        }
        if (ref.size() == 4) {
            kwargs(ctx, ref.get(3), path.index(3));
        }
        return name;
    }

    /**
     * Call keyword arguments. Keras 3 records {@code training=False} and {@code mask=None} at model-building
     * time and overrides them when the model runs, so they carry no meaning; anything else would.
     */
    private static void kwargs(ReadContext ctx, JsonNode kwargs, JsonPath path) {
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
                    || (key.equals("mask") && v.isNull());
            if (!harmless) {
                throw ctx.unsupported(path.key(key), "call argument " + key + "=" + Fields.abbreviate(v)
                        + " is not supported", key);
            }
        }
    }
}
