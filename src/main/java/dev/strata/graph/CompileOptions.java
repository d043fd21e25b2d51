package dev.strata.graph;

/**
 * How a training graph is built, beyond the spec.
 *
 * @param seed seed of initial weights and dropout masks
 * @param fusedAdam use TensorFlow's fused {@code ResourceApplyAdam} instead of Keras 3's update written out
 *     op by op. The fused kernel is about a third faster on a large MLP but computes {@code 1 - beta} in float32,
 *     so each Adam step is about 6.6e-6 relative larger than Keras's; off by default.
 */
public record CompileOptions(long seed, boolean fusedAdam) {
    public static CompileOptions seed(long seed) {
        return new CompileOptions(seed, false);
    }

    public CompileOptions fusedAdam(boolean fused) {
        return new CompileOptions(seed, fused);
    }
}
