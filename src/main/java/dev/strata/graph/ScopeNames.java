package dev.strata.graph;

import dev.strata.spec.LayerSummary;
import dev.strata.spec.ModelSummary;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The graph scope of each layer. Keras accepts any layer name, TensorFlow only {@code [A-Za-z0-9.][A-Za-z0-9_.-]*}:
 * a name that fits is its own scope; any other character becomes {@code _}, and a clash gets a numeric suffix, so
 * the mapping is stable for a model and never merges two layers. Layer scopes all live under one parent, apart
 * from the graph's own names ({@code input}, {@code output}, {@code io}, ...), so no layer name can collide with
 * them.
 */
final class ScopeNames {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9.][A-Za-z0-9_.\\-]*");

    private final Map<String, String> scopes = new HashMap<>();

    private ScopeNames() {
    }

    static ScopeNames of(ModelSummary summary) {
        ScopeNames names = new ScopeNames();
        Set<String> used = new HashSet<>();
        for (LayerSummary row : summary.layers()) {
            String layer = row.layer().name();
            String base = sanitize(layer);
            String scope = base;
            for (int k = 1; !used.add(scope); k++) {
                scope = base + "_" + k;
            }
            names.scopes.put(layer, scope);
        }
        return names;
    }

    static String sanitize(String name) {
        if (VALID.matcher(name).matches()) {
            return name;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.'
                    || (i > 0 && (c == '_' || c == '-'));
            sb.append(ok ? c : '_');
        }
        if (sb.length() == 0 || !VALID.matcher(sb).matches()) {
            sb.insert(0, 'L');
        }
        return sb.toString();
    }

    /** A slash-separated path of names ({@code dense/kernel_regularizer}), each part made a valid scope name. */
    static String path(String slashPath) {
        StringBuilder sb = new StringBuilder();
        for (String part : slashPath.split("/", -1)) {
            sb.append(sb.length() > 0 ? "/" : "").append(sanitize(part.isEmpty() ? "_" : part));
        }
        return sb.toString();
    }

    /** The scope of a layer of the model. */
    String of(String layerName) {
        String s = scopes.get(layerName);
        if (s == null) {
            throw new IllegalArgumentException("no layer '" + layerName + "' in this model");
        }
        return s;
    }
}
