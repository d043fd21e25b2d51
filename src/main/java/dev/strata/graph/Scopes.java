package dev.strata.graph;

import java.util.HashMap;
import java.util.Map;
import org.tensorflow.op.Ops;

/**
 * One name scope per name under a parent. TensorFlow Java makes every {@code withSubScope} call unique, so
 * asking twice for {@code dense} would put the second set of ops under {@code dense_1}, the next layer's
 * name; every builder asks here instead.
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

    Ops of(String name) {
        return children.computeIfAbsent(name, parent::withSubScope);
    }
}
