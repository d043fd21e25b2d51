package dev.strata.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.Activation;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every activation's gradient on a rank-3 input (batch, steps, features) against central finite differences, for
 * the same reason as {@link LossGradientsOnSequencesTest}: TensorFlow's C API gradients can assume two axes
 * ({@code LogSoftmax} did). Inputs stay away from every kink (0, 0.5, 1, 2.5, 3, 6).
 */
class ActivationGradientsOnSequencesTest {
    private static final long[] SHAPE = {2, 3, 4};
    private static final int N = 24;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void gradientOnASequenceMatchesFiniteDifferences(Activation a) {
        SplittableRandom rng = new SplittableRandom(a.ordinal() + 1);
        float[] x = new float[N];
        double[][] ranges = {{0.1, 0.4}, {0.6, 0.9}, {1.2, 2.3}};
        for (int i = 0; i < N; i++) {
            double[] r = ranges[rng.nextInt(ranges.length)];
            x[i] = (float) ((rng.nextBoolean() ? 1 : -1) * rng.nextDouble(r[0], r[1]));
        }
        float[] k = new float[N];
        for (int i = 0; i < N; i++) {
            k[i] = (float) rng.nextGaussian();
        }
        double[] off = FiniteDifferences.check(SHAPE, x,
                (tf, in) -> FiniteDifferences.weightedSum(tf, SHAPE, k, Activations.apply(tf, a, in)));
        assertTrue(off[0] <= 5e-3 + 5e-3 * off[1], a + ": gradient off by " + off[0] + " (largest " + off[1] + ")");
    }
}
