package dev.strata.experiment;

/**
 * Norms and sparsity of one layer's weights (kernel and bias together).
 *
 * @param nearZero fraction of weights with {@code |w| < } {@link Comparison#NEAR_ZERO}
 */
public record LayerWeightStats(String layer, long count, double nearZero, double l1Norm, double l2Norm) {

    static LayerWeightStats of(String layer, float[]... weights) {
        long n = 0;
        long zeros = 0;
        double l1 = 0;
        double sq = 0;
        for (float[] w : weights) {
            for (float v : w) {
                n++;
                zeros += Math.abs(v) < Comparison.NEAR_ZERO ? 1 : 0;
                l1 += Math.abs(v);
                sq += (double) v * v;
            }
        }
        return new LayerWeightStats(layer, n, n == 0 ? 0 : zeros / (double) n, l1, Math.sqrt(sq));
    }
}
