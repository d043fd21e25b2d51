package dev.strata.spec;

import java.util.Set;

/** Keras-style layer naming shared by every model kind: unique names, automatic {@code dense_1} suffixes. */
final class LayerNames {
    private LayerNames() {
    }

    /** Records an explicit name, rejecting blanks, slashes (they would split graph scopes) and duplicates. */
    static void claim(Set<String> used, String name, String where) {
        if (name == null) {
            return;
        }
        if (name.isBlank() || name.contains("/")) {
            throw new InvalidSpecException(where, "name", "must be non-empty and contain no '/'. Received: name=" + name);
        }
        if (!used.add(name)) {
            throw new InvalidSpecException(where, "name",
                    "is used by another input or layer of this model; names must be unique");
        }
    }

    /** The first of {@code prefix}, {@code prefix_1}, {@code prefix_2}, ... not yet used; records it. */
    static String fresh(String prefix, Set<String> used) {
        String candidate = prefix;
        for (int k = 1; used.contains(candidate); k++) {
            candidate = prefix + "_" + k;
        }
        used.add(candidate);
        return candidate;
    }
}
