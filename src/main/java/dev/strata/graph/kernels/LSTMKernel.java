package dev.strata.graph.kernels;

import dev.strata.spec.layers.LSTM;

/** Keras {@code LSTM}, unrolled over the known steps (see {@link Recurrence}). */
public final class LSTMKernel extends RecurrentKernel<LSTM> {
}
