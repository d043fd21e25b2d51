package dev.strata.graph;

import java.util.HashMap;
import java.util.Map;
import org.tensorflow.op.Ops;

/**
 * One name scope per path under a parent. TensorFlow Java makes every {@code withSubScope} call unique, so asking
 * twice for {@code dense} would put the second set of ops under {@code dense_1}, another layer's name; every
 * builder asks here instead. Creating a scope walks every op already in the graph (TensorFlow Java seeds its
 * unique-name table that way), so builders {@link #prepare} the scopes they will need while the graph is still
 * small: that keeps graph building linear in the number of layers.
 */
final class Scopes {
    private final Ops parent;
    private final Map<String, Ops> children = new HashMap<>();

    Scopes(Ops parent) {
        this.parent = parent;
    }

    Ops root() {
        return parent;
    }

    /** The scope at {@code path} ({@code dense} or {@code dense/kernel_regularizer}), created on first use. */
    Ops of(String path) {
        Ops s = children.get(path);
        if (s != null) {
            return s;
        }
        int slash = path.lastIndexOf('/');
        Ops base = slash < 0 ? parent : of(path.substring(0, slash));
        s = base.withSubScope(path.substring(slash + 1));
        children.put(path, s);
        return s;
    }

    /** Creates the scopes now, while they are cheap to create. */
    Scopes prepare(Iterable<String> paths) {
        for (String p : paths) {
            of(p);
        }
        return this;
    }
}
