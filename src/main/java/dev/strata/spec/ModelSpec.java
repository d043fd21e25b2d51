package dev.strata.spec;

import java.util.List;

/** A complete model definition: {@link Sequential} or a functional graph of layers. */
public interface ModelSpec {

    String name();

    /** Model-level penalties over all trainable weights. */
    List<ModelPenalty> penalties();

    /** Validated shapes, weights and parameter counts of every layer, in order of computation. */
    ModelSummary summary();
}
