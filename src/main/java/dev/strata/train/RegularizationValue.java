package dev.strata.train;

import dev.strata.graph.RegularizationTerm;

/** The current value of one regularization term, as an entry of Keras {@code model.losses}. */
public record RegularizationValue(String name, String layer, RegularizationTerm.Kind kind, double value) {
}
