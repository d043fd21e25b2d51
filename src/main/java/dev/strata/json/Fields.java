package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Typed, path-aware access to one JSON object. Every read marks its key as used, so
 * {@link #rejectUnknown(String)} can refuse fields that Keras itself would refuse (its constructors raise on
 * unknown keyword arguments) instead of silently dropping them.
 */
final class Fields {
    private final ReadContext ctx;
    private final JsonPath path;
    private final JsonNode node;
    private final Set<String> used = new HashSet<>();

    private Fields(ReadContext ctx, JsonNode node, JsonPath path) {
        this.ctx = ctx;
        this.node = node;
        this.path = path;
    }

    static Fields of(ReadContext ctx, JsonNode node, JsonPath path, String what) {
        if (node == null || !node.isObject()) {
            throw ctx.invalid(path, what + " must be a JSON object. Received: " + describe(node));
        }
        return new Fields(ctx, node, path);
    }

    ReadContext ctx() {
        return ctx;
    }

    JsonPath path() {
        return path;
    }

    JsonPath at(String key) {
        return path.key(key);
    }

    /** The keys of the object, in document order. */
    java.util.List<String> names() {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Present, even if null. */
    boolean contains(String key) {
        return node.has(key);
    }

    /** Present and not null. */
    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** The raw value, marked used; null when absent. */
    JsonNode get(String key) {
        used.add(key);
        return node.get(key);
    }

    void ignore(String... keys) {
        for (String k : keys) {
            used.add(k);
        }
    }

    String string(String key, String fallback) {
        JsonNode v = get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw ctx.invalid(at(key), "must be a string. Received: " + key + "=" + describe(v));
        }
        return v.asText();
    }

    String requireString(String key) {
        String s = string(key, null);
        if (s == null) {
            throw ctx.invalid(at(key), "is required (a string)");
        }
        return s;
    }

    /** An integer within int range; floats such as {@code 3.0} are refused, as Keras refuses them. */
    Integer integer(String key, Integer fallback) {
        JsonNode v = get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        return toInt(ctx, v, at(key), key);
    }

    static int toInt(ReadContext ctx, JsonNode v, JsonPath where, String key) {
        if (!v.isIntegralNumber()) {
            throw ctx.invalid(where, "must be an integer. Received: " + key + "=" + describe(v));
        }
        if (!v.canConvertToInt()) {
            throw ctx.error(JsonSpecException.Kind.TOO_LARGE, where, "must be an integer no larger than "
                    + Integer.MAX_VALUE + " in magnitude. Received: " + key + "=" + v.asText(), key);
        }
        return v.intValue();
    }

    int requireInt(String key) {
        Integer v = integer(key, null);
        if (v == null) {
            throw ctx.invalid(at(key), "is required (an integer)");
        }
        return v;
    }

    /** A number, NaN and infinities included (the spec checks reject them with a clear message). */
    double number(String key, double fallback) {
        JsonNode v = get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw ctx.invalid(at(key), "must be a number. Received: " + key + "=" + describe(v));
        }
        return v.doubleValue();
    }

    boolean bool(String key, boolean fallback) {
        JsonNode v = get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw ctx.invalid(at(key), "must be true or false. Received: " + key + "=" + describe(v));
        }
        return v.booleanValue();
    }

    /** A seed: an integer or null. */
    Long seed(String key) {
        JsonNode v = get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw ctx.unsupported(at(key), "a seed must be an integer or null. Received: " + key + "=" + describe(v),
                    key);
        }
        return v.longValue();
    }

    Fields object(String key, String what) {
        return of(ctx, get(key), at(key), what);
    }

    /** Refuses a non-null value for a field whose effect Strata does not implement. */
    void requireNull(String key, String why) {
        JsonNode v = get(key);
        if (v != null && !v.isNull()) {
            throw ctx.unsupported(at(key), key + " is not supported" + (why == null ? "" : " (" + why + ")")
                    + "; only null is accepted. Received: " + abbreviate(v), key);
        }
    }

    /** Refuses every field no reader asked for. */
    void rejectUnknown(String owner) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!used.contains(key)) {
                throw ctx.error(JsonSpecException.Kind.UNSUPPORTED, at(key), "unknown field '" + key + "' in " + owner
                        + "; Strata refuses fields it cannot honour (Keras refuses unknown arguments too)", key);
            }
        }
    }

    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        String type = v.isTextual() ? "a string" : v.isIntegralNumber() ? "an integer" : v.isNumber() ? "a number"
                : v.isBoolean() ? "a boolean" : v.isNull() ? "null" : v.isArray() ? "an array" : "an object";
        return abbreviate(v) + " (" + type + ")";
    }

    static String abbreviate(JsonNode v) {
        String s = v.toString();
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
