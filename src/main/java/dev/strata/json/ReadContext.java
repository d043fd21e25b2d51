package dev.strata.json;

import java.util.ArrayList;
import java.util.List;

/** State of one read: the text (for locations), where it came from, and the warnings gathered so far. */
final class ReadContext {
    private final JsonParsing parsing;
    private final String text;
    private final String source;
    private final ReaderLimits limits;
    private final List<String> warnings = new ArrayList<>();

    ReadContext(JsonParsing parsing, String text, String source, ReaderLimits limits) {
        this.parsing = parsing;
        this.text = text;
        this.source = source;
        this.limits = limits;
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

    void warn(JsonPath path, String message) {
        warnings.add(path + ": " + message);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }
}
