package dev.strata.json;

import com.fasterxml.jackson.core.JsonPointer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a value sits in a JSON document, written as JSONPath ({@code $.config.layers[2].config.units}) for
 * messages and as a JSON Pointer for finding its line and column. Immutable; children share their parent.
 */
public final class JsonPath {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    public static final JsonPath ROOT = new JsonPath(null, null, -1);

    private final JsonPath parent;
    private final String key;
    private final int index;

    private JsonPath(JsonPath parent, String key, int index) {
        this.parent = parent;
        this.key = key;
        this.index = index;
    }

    public JsonPath key(String name) {
        return new JsonPath(this, name, -1);
    }

    public JsonPath index(int i) {
        return new JsonPath(this, null, i);
    }

    public JsonPath parent() {
        return parent;
    }

    JsonPointer toPointer() {
        JsonPointer pointer = JsonPointer.empty();
        for (JsonPath p : segments()) {
            pointer = p.key != null ? pointer.appendProperty(p.key) : pointer.appendIndex(p.index);
        }
        return pointer;
    }

    private List<JsonPath> segments() {
        List<JsonPath> out = new ArrayList<>();
        for (JsonPath p = this; p.parent != null; p = p.parent) {
            out.add(0, p);
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("$");
        for (JsonPath p : segments()) {
            if (p.key == null) {
                sb.append('[').append(p.index).append(']');
            } else if (IDENTIFIER.matcher(p.key).matches()) {
                sb.append('.').append(p.key);
            } else {
                sb.append("['").append(p.key.replace("\\", "\\\\").replace("'", "\\'")).append("']");
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonPath other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
