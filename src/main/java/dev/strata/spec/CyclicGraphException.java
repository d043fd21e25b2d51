package dev.strata.spec;

import java.util.List;

/**
 * A functional model whose layers feed each other in a loop, so no layer of the loop could ever run. Keras
 * reports this only as "loops or disconnected nodes"; Strata names the layers of one cycle.
 */
public class CyclicGraphException extends InvalidSpecException {
    private final List<String> cycle;

    public CyclicGraphException(String where, List<String> cycle) {
        super(where, "inbound_nodes", "is part of a cycle: " + String.join(" -> ", cycle)
                + "; a functional model must be a directed acyclic graph");
        this.cycle = List.copyOf(cycle);
    }

    /** The layer names of the cycle in data-flow order, the first repeated at the end. */
    public List<String> cycle() {
        return cycle;
    }
}
