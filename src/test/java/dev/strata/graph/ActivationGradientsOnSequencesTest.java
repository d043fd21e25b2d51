package dev.strata.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.Activation;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
 * Every activation's gradient on a rank-3 input (batch, steps, features) against central finite differences, for
 * the same reason as {@link LossGradientsOnSequencesTest}: TensorFlow's C API gradients can assume two axes
 * ({@code LogSoftmax} did). Inputs stay away from every kink (0, 0.5, 1, 2.5, 3, 6).
 */
class ActivationGradientsOnSequencesTest {
    private static final long[] SHAPE = {2, 3, 4};
    private static final int N = 24;
    private static final float H = 1e-2f;

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
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(SHAPE)));
            Operand<TFloat32> value = tf.reduceSum(tf.math.mul(tf.reshape(tf.constant(k), tf.constant(SHAPE)),
                    Activations.apply(tf, a, in)), tf.constant(new int[] {0, 1, 2}));
            Output<?>[] grad = g.addGradients(value.asOutput(), new Output<?>[] {in.asOutput()});
            float[] analytic = run(s, in, x, grad[0]);
            double worst = 0;
            double largest = 0;
            for (int i = 0; i < N; i++) {
                float[] up = x.clone();
                float[] down = x.clone();
                up[i] += H;
                down[i] -= H;
                double numeric = (run(s, in, up, value.asOutput())[0] - run(s, in, down, value.asOutput())[0])
                        / (2.0 * H);
                worst = Math.max(worst, Math.abs(numeric - analytic[i]));
                largest = Math.max(largest, Math.abs(analytic[i]));
            }
            assertTrue(worst <= 5e-3 + 5e-3 * largest, a + ": gradient off by " + worst + " (largest " + largest
                    + ")");
        }
    }

    private static float[] run(Session s, Placeholder<TFloat32> in, float[] x, Output<?> what) {
        try (TFloat32 t = TFloat32.tensorOf(Shape.of(SHAPE), DataBuffers.of(x, true, false));
             var result = s.runner().feed(in, t).fetch(what).run()) {
            TFloat32 out = (TFloat32) result.get(0);
            float[] values = new float[(int) out.size()];
            out.copyTo(DataBuffers.of(values, false, false));
            return values;
        }
    }
}
