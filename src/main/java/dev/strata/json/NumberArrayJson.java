package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.strata.spec.NumberArray;
import java.util.ArrayList;
import java.util.List;

/**
 * A number or nested list of numbers in a layer config ({@code Rescaling}'s {@code scale}, {@code Normalization}'s
 * {@code mean}). Keras writes a Python float or list as is, and a NumPy array or tensor argument as
 * {@code {"class_name": "__numpy__" | "__tensor__", "config": {"value": [...], "dtype": ...}}}; TF.js writes a
 * scalar as {@code {"type": "ndarray", "value": 0.5}}. All read; Strata writes plain numbers and lists, which
 * every Keras reads back.
 */
final class NumberArrayJson {
    private NumberArrayJson() {
    }

    static NumberArray read(ReadContext ctx, JsonNode v, JsonPath at, String key) {
        JsonNode value = v;
        JsonPath valueAt = at;
        if (v.isObject() && v.has("class_name") && v.get("config") != null && v.get("config").has("value")) {
            String cls = v.get("class_name").asText();
            if (!cls.equals("__numpy__") && !cls.equals("__tensor__")) {
                throw ctx.invalid(at, "must be a number or a list of numbers. Received: " + key + "="
                        + Fields.describe(v));
            }
            value = v.get("config").get("value");
            valueAt = at.key("config").key("value");
        } else if (v.isObject() && "ndarray".equals(v.path("type").asText()) && v.has("value") && v.size() == 2) {
            value = v.get("value");
            valueAt = at.key("value");
        }
        List<Integer> shape = new ArrayList<>();
        for (JsonNode n = value; n.isArray(); n = n.size() > 0 ? n.get(0) : null) {
            shape.add(n.size());
            if (n.size() == 0) {
                break;
            }
        }
        List<Double> values = new ArrayList<>();
        collect(ctx, value, valueAt, key, shape, 0, values);
        int[] dims = shape.stream().mapToInt(Integer::intValue).toArray();
        return NumberArray.of(dims, values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Row-major values, checking that every list at depth {@code dim} has {@code shape[dim]} entries. */
    private static void collect(ReadContext ctx, JsonNode n, JsonPath at, String key, List<Integer> shape, int dim,
                                List<Double> out) {
        if (dim == shape.size()) {
            if (!n.isNumber()) {
                throw ctx.invalid(at, "must be a number or a (nested) list of numbers. Received: " + key + "="
                        + Fields.describe(n));
            }
            out.add(n.doubleValue());
            return;
        }
        if (!n.isArray() || n.size() != shape.get(dim)) {
            throw ctx.invalid(at, "is a ragged list: every list at depth " + dim + " must have " + shape.get(dim)
                    + " entries, as a NumPy array. Received: " + Fields.describe(n));
        }
        for (int i = 0; i < n.size(); i++) {
            collect(ctx, n.get(i), at.index(i), key, shape, dim + 1, out);
        }
    }

    static JsonNode write(NumberArray a) {
        if (a.isScalar()) {
            return Json.object().numberNode(a.get(0));
        }
        int[] offset = {0};
        return list(a, a.shape(), 0, offset);
    }

    private static ArrayNode list(NumberArray a, int[] shape, int dim, int[] offset) {
        ArrayNode out = Json.array();
        for (int i = 0; i < shape[dim]; i++) {
            if (dim == shape.length - 1) {
                out.add(a.get(offset[0]++));
            } else {
                out.add(list(a, shape, dim + 1, offset));
            }
        }
        return out;
    }
}
