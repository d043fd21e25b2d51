package dev.strata.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * {@link Activations#logSoftmax}'s gradient against central finite differences on (rows, classes), sequences and
 * rank 4, and the reason it exists: TensorFlow's C API differentiates {@code LogSoftmax} of a sequence wrongly (it
 * sums the upstream gradient over axis 1). If a TensorFlow upgrade fixes that, the second test fails and the
 * reshape can go.
 */
class LogSoftmaxGradientTest {
    private static final float H = 1e-2f;

    @Test
    void gradientMatchesFiniteDifferencesAtEveryRank() {
        for (long[] shape : new long[][] {{6, 4}, {2, 3, 4}, {2, 2, 3, 5}}) {
            double[] worst = check(shape, Activations::logSoftmax);
            assertTrue(worst[0] < 2e-3, "rank " + shape.length + ": off by " + worst[0]);
        }
    }

    @Test
    void tensorFlowsOwnGradientIsWrongOnSequences() {
        double[] rank2 = check(new long[] {6, 4}, (tf, x) -> tf.nn.logSoftmax(x));
        double[] rank3 = check(new long[] {2, 3, 4}, (tf, x) -> tf.nn.logSoftmax(x));
        assertTrue(rank2[0] < 2e-3, "rank 2: off by " + rank2[0]);
        assertTrue(rank3[0] > 0.5, "rank 3 is right now (off by " + rank3[0] + "): Activations.logSoftmax's reshape"
                + " is no longer needed");
    }

    @Test
    void valuesAreTheSameFloatsAsTensorFlowsOwn() {
        long[] shape = {2, 3, 4};
        float[] x = values(24, 5);
        assertArrayEquals(run(shape, x, (tf, in) -> tf.nn.logSoftmax(in)), run(shape, x, Activations::logSoftmax));
    }

    /** Largest |analytic - finite difference| of {@code sum(k * f(x))} over the inputs, as a one-element array. */
    private static double[] check(long[] shape, BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>> f) {
        int n = (int) Shape.of(shape).size();
        float[] x = values(n, 3);
        float[] k = values(n, 4);
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
            Operand<TFloat32> loss = tf.reduceSum(tf.math.mul(tf.reshape(tf.constant(k), tf.constant(shape)),
                    f.apply(tf, in)), tf.range(tf.constant(0), tf.constant(shape.length), tf.constant(1)));
            Output<?>[] grad = g.addGradients(loss.asOutput(), new Output<?>[] {in.asOutput()});
            float[] analytic = fetch(s, in, shape, x, grad[0]);
            double worst = 0;
            for (int i = 0; i < n; i++) {
                float[] up = x.clone();
                float[] down = x.clone();
                up[i] += H;
                down[i] -= H;
                double numeric = (fetch(s, in, shape, up, loss)[0] - fetch(s, in, shape, down, loss)[0]) / (2.0 * H);
                worst = Math.max(worst, Math.abs(numeric - analytic[i]));
            }
            return new double[] {worst};
        }
    }

    private static float[] run(long[] shape, float[] x, BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>> f) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
            return fetch(s, in, shape, x, f.apply(tf, in));
        }
    }

    private static float[] fetch(Session s, Placeholder<TFloat32> in, long[] shape, float[] x, Operand<?> what) {
        return fetch(s, in, shape, x, what.asOutput());
    }

    private static float[] fetch(Session s, Placeholder<TFloat32> in, long[] shape, float[] x, Output<?> what) {
        try (TFloat32 t = TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(x, true, false));
             var result = s.runner().feed(in, t).fetch(what).run()) {
            TFloat32 out = (TFloat32) result.get(0);
            float[] values = new float[(int) out.size()];
            out.copyTo(DataBuffers.of(values, false, false));
            return values;
        }
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
