package dev.strata.graph.kernels;

import dev.strata.spec.layers.GRU;

/** Keras {@code GRU}, unrolled over the known steps (see {@link Recurrence}). */
public final class GRUKernel extends RecurrentKernel<GRU> {
}
