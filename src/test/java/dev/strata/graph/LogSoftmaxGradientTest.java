package dev.strata.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@link Activations#logSoftmax}'s gradient against central finite differences on (rows, classes), sequences and
 * rank 4, and the reason it exists: TensorFlow's C API differentiates {@code LogSoftmax} of a sequence wrongly (it
 * sums the upstream gradient over axis 1). If a TensorFlow upgrade fixes that, the second test fails and the
 * reshape can go.
 */
class LogSoftmaxGradientTest {

    @Test
    void gradientMatchesFiniteDifferencesAtEveryRank() {
        for (long[] shape : new long[][] {{6, 4}, {2, 3, 4}, {2, 2, 3, 5}}) {
            double worst = check(shape, Activations::logSoftmax);
            assertTrue(worst < 2e-3, "rank " + shape.length + ": off by " + worst);
        }
    }

    @Test
    void tensorFlowsOwnGradientIsWrongOnSequences() {
        double rank2 = check(new long[] {6, 4}, (tf, x) -> tf.nn.logSoftmax(x));
        double rank3 = check(new long[] {2, 3, 4}, (tf, x) -> tf.nn.logSoftmax(x));
        assertTrue(rank2 < 2e-3, "rank 2: off by " + rank2);
        assertTrue(rank3 > 0.5, "rank 3 is right now (off by " + rank3 + "): Activations.logSoftmax's reshape"
                + " is no longer needed");
    }

    @Test
    void valuesAreTheSameFloatsAsTensorFlowsOwn() {
        long[] shape = {2, 3, 4};
        float[] x = values(24, 5);
        assertArrayEquals(FiniteDifferences.values(shape, x, (tf, in) -> tf.nn.logSoftmax(in)),
                FiniteDifferences.values(shape, x, Activations::logSoftmax));
    }

    /** Largest |analytic - finite difference| of {@code sum(k * f(x))}. */
    private static double check(long[] shape, BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>> f) {
        int n = (int) Shape.of(shape).size();
        float[] k = values(n, 4);
        return FiniteDifferences.check(shape, values(n, 3),
                (tf, in) -> FiniteDifferences.weightedSum(tf, shape, k, f.apply(tf, in)))[0];
    }

    private static float[] values(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }
}
