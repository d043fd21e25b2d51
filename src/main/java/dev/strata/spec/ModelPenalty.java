package dev.strata.spec;

/**
 * A model-level penalty over all trainable parameters, as PyTorch users write by hand
 * ({@code loss + alpha * sum(p.pow(2).sum())}); it is collected and named like the per-layer terms.
 *
 * @param excludeBiases leave bias vectors out
 * @param excludeNormalization leave normalisation parameters (gamma, beta) out
 */
public record ModelPenalty(Regularizer regularizer, boolean excludeBiases, boolean excludeNormalization) {
    public ModelPenalty {
        Checks.notNull("model penalty", "regularizer", regularizer);
    }

    public static ModelPenalty of(Regularizer regularizer) {
        return new ModelPenalty(regularizer, false, false);
    }

    public ModelPenalty withoutBiases() {
        return new ModelPenalty(regularizer, true, excludeNormalization);
    }

    public ModelPenalty withoutNormalization() {
        return new ModelPenalty(regularizer, excludeBiases, true);
    }

    /** Whether the penalty covers a weight of the given role. */
    public boolean covers(WeightSpec.Role role) {
        return switch (role) {
            case KERNEL -> true;
            case BIAS -> !excludeBiases;
            case NORMALIZATION -> !excludeNormalization;
        };
    }
}
