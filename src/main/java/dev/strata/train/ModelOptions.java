package dev.strata.train;

import dev.strata.graph.CompileOptions;
import dev.strata.spec.SizeLimits;

/**
 * How a model is built and run: the seed behind every initial weight and random draw, TensorFlow's thread
 * pools (0 lets TensorFlow choose; on small CPUs, one inter-op thread and all cores intra-op is usually
 * fastest for dense models), whether Adam uses TensorFlow's fused kernel (faster, about 6.6e-6 relative
 * off Keras per step) instead of Keras 3's exact update, and whether dropout and noise layers draw
 * noise while training (on by default; off, they act as at inference while batch statistics and every other part
 * of training stay as they are: for debugging, and for comparing a step with another framework).
 */
public record ModelOptions(long seed, int intraOpThreads, int interOpThreads, boolean fusedAdam,
                           boolean trainingNoise, int maxSequenceLength, long maxParams) {
    public ModelOptions {
        if (intraOpThreads < 0 || interOpThreads < 0) {
            throw new IllegalArgumentException("thread counts must be >= 0 (0 = TensorFlow default)");
        }
        if (maxSequenceLength < 1) {
            throw new IllegalArgumentException("maxSequenceLength must be >= 1, was " + maxSequenceLength);
        }
        if (maxParams < 1) {
            throw new IllegalArgumentException("maxParams must be >= 1, was " + maxParams);
        }
    }

    public static ModelOptions defaults() {
        return new ModelOptions(0, 0, 0, false, true, CompileOptions.DEFAULT_MAX_SEQUENCE_LENGTH,
                SizeLimits.DEFAULT_MAX_PARAMS);
    }

    public ModelOptions seed(long seed) {
        return new ModelOptions(seed, intraOpThreads, interOpThreads, fusedAdam, trainingNoise, maxSequenceLength, maxParams);
    }

    public ModelOptions threads(int intraOp, int interOp) {
        return new ModelOptions(seed, intraOp, interOp, fusedAdam, trainingNoise, maxSequenceLength, maxParams);
    }

    public ModelOptions fusedAdam(boolean fused) {
        return new ModelOptions(seed, intraOpThreads, interOpThreads, fused, trainingNoise, maxSequenceLength, maxParams);
    }

    /** Whether dropout and noise layers draw noise in training; see the class comment. */
    public ModelOptions trainingNoise(boolean noise) {
        return new ModelOptions(seed, intraOpThreads, interOpThreads, fusedAdam, noise, maxSequenceLength, maxParams);
    }

    /**
     * The most steps a sequence of unknown length may have (default 100): recurrent layers are unrolled, so such a
     * sequence is padded to this length inside the graph and the padding masked (Keras's results for every shorter
     * length; a longer one is refused with an error naming this option). Longer bounds build larger graphs.
     */
    public ModelOptions maxSequenceLength(int steps) {
        return new ModelOptions(seed, intraOpThreads, interOpThreads, fusedAdam, trainingNoise, steps, maxParams);
    }

    /**
     * The most parameters a model may have (default {@link SizeLimits#DEFAULT_MAX_PARAMS}, 1 GB of float32, the
     * JSON reader's default too), checked on shapes before any weight is allocated.
     */
    public ModelOptions maxParams(long max) {
        return new ModelOptions(seed, intraOpThreads, interOpThreads, fusedAdam, trainingNoise, maxSequenceLength,
                max);
    }

    CompileOptions compileOptions() {
        return CompileOptions.seed(seed).fusedAdam(fusedAdam).trainingNoise(trainingNoise)
                .maxSequenceLength(maxSequenceLength).maxParams(maxParams);
    }
}
