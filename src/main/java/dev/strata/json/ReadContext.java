package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** State of one read: the text (for locations), where it came from, and the warnings gathered so far. */
final class ReadContext {
    private final JsonParsing parsing;
    private final String text;
    private final String source;
    private final ReaderLimits limits;
    private final List<String> warnings = new ArrayList<>();
    private String impliedDimOrdering;
    private Dialect dialect = Dialect.KERAS3;

    ReadContext(JsonParsing parsing, String text, String source, ReaderLimits limits) {
        this.parsing = parsing;
        this.text = text;
        this.source = source;
        this.limits = limits;
    }

    /** The dialect of the model being read: Keras 3, or Keras 1/2 and TF.js (whose names sometimes differ). */
    Dialect dialect() {
        return dialect;
    }

    void dialect(Dialect d) {
        dialect = d;
    }

    ReaderLimits limits() {
        return limits;
    }

    JsonSpecException error(JsonSpecException.Kind kind, JsonPath path, String problem, String feature) {
        return error(kind, path, problem, feature, null);
    }

    JsonSpecException error(JsonSpecException.Kind kind, JsonPath path, String problem, String feature,
                            Throwable cause) {
        int[] at = parsing.locate(text, path);
        return new JsonSpecException(kind, path.toString(), problem, feature, source, at[0], at[1], cause);
    }

    JsonSpecException invalid(JsonPath path, String problem) {
        return error(JsonSpecException.Kind.INVALID, path, problem, null);
    }

    JsonSpecException unsupported(JsonPath path, String problem, String feature) {
        return error(JsonSpecException.Kind.UNSUPPORTED, path, problem, feature);
    }

    /**
     * Keras 1 layers without {@code dim_ordering} took the writer's {@code image_dim_ordering} setting, which the
     * file does not record (Keras 1.0's UpSampling2D even left the key out of its config). When every layer that
     * states one states the same, that is the best evidence of the writer's setting: {@code "th"}, {@code "tf"},
     * or null when the file states none or disagrees.
     */
    String impliedDimOrdering() {
        return impliedDimOrdering;
    }

    void impliedDimOrdering(JsonNode document) {
        java.util.Set<String> stated = new java.util.HashSet<>();
        collectDimOrderings(document, stated, 0);
        stated.remove("default");
        impliedDimOrdering = stated.size() == 1 ? stated.iterator().next() : null;
    }

    private static void collectDimOrderings(JsonNode n, java.util.Set<String> out, int depth) {
        if (depth > 64) {
            return; // the parser bounds nesting already; this only keeps the walk shallow
        }
        if (n.isObject()) {
            JsonNode d = n.get("dim_ordering");
            if (d != null && d.isTextual()) {
                out.add(d.asText());
            }
            n.elements().forEachRemaining(c -> collectDimOrderings(c, out, depth + 1));
        } else if (n.isArray()) {
            n.elements().forEachRemaining(c -> collectDimOrderings(c, out, depth + 1));
        }
    }

    void warn(JsonPath path, String message) {
        warnings.add(path + ": " + message);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }
}
