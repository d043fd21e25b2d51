package dev.strata.graph;

/** How a forward pass behaves; fixed when the graph is built, never switched with a runtime condition. */
public enum TowerMode {
    /** Dropout active, activity penalties collected. */
    TRAINING,
    /** Dropout off, activity penalties collected for evaluate's report. */
    EVALUATION,
    /** Dropout off, nothing but the forward pass. */
    INFERENCE
}
