package dev.strata.graph;

/**
 * How a training graph is built, beyond the spec.
 *
 * @param seed seed of initial weights and of the random draws of training-only layers
 * @param fusedAdam use TensorFlow's fused {@code ResourceApplyAdam} instead of Keras 3's update written out
 *     op by op. The fused kernel is about a third faster on a large MLP but computes {@code 1 - beta} in float32,
 *     so each Adam step is about 6.6e-6 relative larger than Keras's; off by default. With amsgrad, which the fused
 *     kernel lacks, Keras's update is kept.
 * @param trainingNoise whether dropout and noise layers draw noise in training (on by default). Off, they pass
 *     their input through as at inference while everything else trains as usual (batch statistics, state
 *     updates): for debugging and for comparing a step with another framework's.
 */
public record CompileOptions(long seed, boolean fusedAdam, boolean trainingNoise) {
    public static CompileOptions seed(long seed) {
        return new CompileOptions(seed, false, true);
    }

    public CompileOptions fusedAdam(boolean fused) {
        return new CompileOptions(seed, fused, trainingNoise);
    }

    public CompileOptions trainingNoise(boolean noise) {
        return new CompileOptions(seed, fusedAdam, noise);
    }
}
