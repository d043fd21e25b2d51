package dev.strata.graph.kernels;

import dev.strata.spec.layers.SimpleRNN;

/** Keras {@code SimpleRNN}, unrolled over the known steps (see {@link Recurrence}). */
public final class SimpleRNNKernel extends RecurrentKernel<SimpleRNN> {
}
