package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Deterministic pretty printing in the style of Python's {@code json.dumps(indent=2)}, so files diff cleanly
 * against Keras's: two-space indent, {@code "key": value}, ASCII-only strings, and floats as Python's
 * {@code repr} writes them ({@code 0.01}, {@code 1e-07}, {@code 0.0}). Arrays of plain values (shapes,
 * keras_history) stay on one line.
 */
final class JsonOut {
    private JsonOut() {
    }

    static String pretty(JsonNode root) {
        StringBuilder sb = new StringBuilder();
        write(sb, root, 0);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, JsonNode v, int depth) {
        if (v.isObject()) {
            if (v.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            for (Iterator<Map.Entry<String, JsonNode>> it = v.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                indent(sb, depth + 1);
                string(sb, e.getKey());
                sb.append(": ");
                write(sb, e.getValue(), depth + 1);
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            indent(sb, depth);
            sb.append('}');
        } else if (v.isArray()) {
            if (isFlat(v)) {
                sb.append('[');
                for (int i = 0; i < v.size(); i++) {
                    sb.append(i > 0 ? ", " : "");
                    write(sb, v.get(i), depth);
                }
                sb.append(']');
                return;
            }
            sb.append("[\n");
            for (int i = 0; i < v.size(); i++) {
                indent(sb, depth + 1);
                write(sb, v.get(i), depth + 1);
                sb.append(i + 1 < v.size() ? ",\n" : "\n");
            }
            indent(sb, depth);
            sb.append(']');
        } else if (v.isTextual()) {
            string(sb, v.asText());
        } else if (v.isFloatingPointNumber()) {
            sb.append(pythonFloat(v.doubleValue()));
        } else {
            sb.append(v.toString()); // integers, booleans, null
        }
    }

    private static boolean isFlat(JsonNode array) {
        for (JsonNode e : array) {
            if (e.isContainerNode() && !(e.isArray() && e.isEmpty())) {
                return false;
            }
        }
        return true;
    }

    private static void indent(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth));
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Python's float repr, with the spellings Python's json module writes for non-finite values. */
    static String pythonFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return PythonFloat.repr(d);
    }
}
