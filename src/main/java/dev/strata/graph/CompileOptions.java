package dev.strata.graph;

import dev.strata.spec.SizeLimits;

/**
 * How a training graph is built, beyond the spec.
 *
 * @param seed seed of initial weights and of the random draws of training-only layers
 * @param fusedAdam use TensorFlow's fused {@code ResourceApplyAdam} instead of Keras 3's exact update (built from
 *     fused kernels given arguments that make them compute Keras's floats, 6 kernels per weight against the fused
 *     kernel's 1). The fused kernel is about 1.1-1.15x faster on a large MLP but computes {@code 1 - beta} in float32,
 *     so each Adam step is about 6.6e-6 relative larger than Keras's; off by default. With amsgrad, which the fused
 *     kernel lacks, Keras's update is kept.
 * @param trainingNoise whether dropout and noise layers draw noise in training (on by default). Off, they pass
 *     their input through as at inference while everything else trains as usual (batch statistics, state
 *     updates): for debugging and for comparing a step with another framework's.
 * @param maxSequenceLength the most steps a sequence of unknown length ({@code Input(shape=(None, 8))}) may have:
 *     recurrent layers are unrolled (TensorFlow's C API cannot differentiate a while loop), so such a sequence is
 *     padded to this many steps inside the graph and the padding masked, which gives Keras's results for every
 *     shorter length; a longer one fails with an error naming this option
 * @param maxParams the most parameters a model may have, checked on shapes before any weight is drawn
 *     ({@link SizeLimits#DEFAULT_MAX_PARAMS} unless set, the JSON reader's default too)
 */
public record CompileOptions(long seed, boolean fusedAdam, boolean trainingNoise, int maxSequenceLength,
                             long maxParams) {
    /** Unroll bound for sequences of unknown length unless set: a graph size that builds in about a second. */
    public static final int DEFAULT_MAX_SEQUENCE_LENGTH = 100;

    public CompileOptions {
        if (maxSequenceLength < 1) {
            throw new IllegalArgumentException("maxSequenceLength must be >= 1, was " + maxSequenceLength);
        }
        if (maxParams < 1) {
            throw new IllegalArgumentException("maxParams must be >= 1, was " + maxParams);
        }
    }

    public static CompileOptions seed(long seed) {
        return new CompileOptions(seed, false, true, DEFAULT_MAX_SEQUENCE_LENGTH, SizeLimits.DEFAULT_MAX_PARAMS);
    }

    public static CompileOptions defaults() {
        return seed(0);
    }

    public CompileOptions fusedAdam(boolean fused) {
        return new CompileOptions(seed, fused, trainingNoise, maxSequenceLength, maxParams);
    }

    public CompileOptions trainingNoise(boolean noise) {
        return new CompileOptions(seed, fusedAdam, noise, maxSequenceLength, maxParams);
    }

    public CompileOptions maxSequenceLength(int steps) {
        return new CompileOptions(seed, fusedAdam, trainingNoise, steps, maxParams);
    }

    public CompileOptions maxParams(long max) {
        return new CompileOptions(seed, fusedAdam, trainingNoise, maxSequenceLength, max);
    }
}
