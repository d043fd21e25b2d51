package dev.strata.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.TFloat32;

/**
 * Strata's exact Adam runs Keras 3's update through TensorFlow's fused kernels with chosen arguments
 * ({@link AdamFamilyUpdates#moments}, {@link AdamFamilyUpdates#step}). This proves they give Keras's floats bit for
 * bit, against Keras's formula evaluated here in Java float arithmetic (IEEE single, no fused multiply-add; a float
 * square root through double is correctly rounded):
 * {@code m += (g - m) * c1; v += (g*g - v) * c2; w -= (m * alpha) / (sqrt(v) + eps)}, with
 * {@code c = float32(1 - beta)} taken in double, as Keras writes it on Python floats.
 *
 * <p>Gradients span 1e-30 to 1e18 with both signs, zeros, negative zeros and subnormals; two weight sizes cover the
 * kernels' vectorized loops (a multiple of the packet size) and their scalar tails (an odd size).
 */
class AdamKernelsTest {
    private static final float C1 = (float) (1 - 0.9);
    private static final float C2 = (float) (1 - 0.999);
    private static final float EPS = 1e-7f;
    private static final int STEPS = 25;

    @Test
    void fusedKernelsWithChosenArgumentsGiveKerasAdamBitForBit() {
        run(false);
    }

    @Test
    void amsgradVariantDividesByTheRunningMaximumBitForBit() {
        run(true);
    }

    private static void run(boolean amsgrad) {
        int[] sizes = {4096, 1003};
        SplittableRandom rng = new SplittableRandom(amsgrad ? 5 : 3);
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> alpha = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            List<Placeholder<TFloat32>> grads = new ArrayList<>();
            List<Operand<?>[]> handles = new ArrayList<>();
            List<Op> inits = new ArrayList<>();
            List<Op> applies = new ArrayList<>();
            float[][][] expected = new float[sizes.length][][];
            for (int k = 0; k < sizes.length; k++) {
                int n = sizes[k];
                Placeholder<TFloat32> grad = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(n)));
                grads.add(grad);
                Operand<?>[] h = new Operand<?>[4];
                String[] names = {"w", "m", "v", "hat"};
                float[][] start = new float[4][n];
                for (int j = 0; j < 4; j++) {
                    h[j] = tf.varHandleOp(TFloat32.class, Shape.of(n), VarHandleOp.sharedName(names[j] + k));
                    if (j == 0) {
                        for (int i = 0; i < n; i++) {
                            start[0][i] = (float) rng.nextGaussian();
                        }
                    }
                    inits.add(tf.assignVariableOp(h[j], tf.constant(start[j])));
                }
                handles.add(h);
                Ops u = tf.withSubScope("update" + k);
                List<Op> moments = AdamFamilyUpdates.moments(u, h[1], h[2], grad, tf.constant(-C1),
                        tf.constant(-C2));
                Ops after = u.withControlDependencies(moments);
                Operand<?> second = h[2];
                if (amsgrad) {
                    Op max = after.assignVariableOp(h[3], after.math.maximum(read(after, h[3]), read(after, h[2])));
                    after = after.withControlDependencies(List.of(max));
                    second = h[3];
                }
                applies.add(AdamFamilyUpdates.step(after, h[0], h[1], second, alpha, tf.constant(EPS)));
                expected[k] = start;
            }
            Op init = tf.withControlDependencies(inits).noOp();
            Op update = tf.withControlDependencies(applies).noOp();
            s.runner().addTarget(init).run();
            for (int step = 1; step <= STEPS; step++) {
                // Keras: alpha = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t), fed as one float.
                float a = (float) (1e-3 * Math.sqrt(1 - Math.pow(0.999, step)) / (1 - Math.pow(0.9, step)));
                var runner = s.runner().addTarget(update);
                List<Tensor> fed = new ArrayList<>();
                try (TFloat32 alphaValue = TFloat32.scalarOf(a)) {
                    runner.feed(alpha, alphaValue);
                    for (int k = 0; k < sizes.length; k++) {
                        float[] gv = gradient(rng, sizes[k]);
                        TFloat32 t = TFloat32.vectorOf(gv);
                        fed.add(t);
                        runner.feed(grads.get(k), t);
                        keras(expected[k], gv, a, amsgrad);
                    }
                    runner.run();
                } finally {
                    fed.forEach(Tensor::close);
                }
            }
            for (int k = 0; k < sizes.length; k++) {
                for (int j = 0; j < (amsgrad ? 4 : 3); j++) {
                    assertBits("size " + sizes[k] + " slot " + j, expected[k][j], values(s, tf, handles.get(k)[j]));
                }
            }
        }
    }

    /** Keras 3's Adam step in Java float arithmetic: {@code state} is w, m, v, v_hat. */
    private static void keras(float[][] state, float[] g, float alpha, boolean amsgrad) {
        float[] w = state[0];
        float[] m = state[1];
        float[] v = state[2];
        float[] hat = state[3];
        for (int i = 0; i < w.length; i++) {
            m[i] = m[i] + (g[i] - m[i]) * C1;
            v[i] = v[i] + (g[i] * g[i] - v[i]) * C2;
            float second = v[i];
            if (amsgrad) {
                hat[i] = Math.max(hat[i], v[i]);
                second = hat[i];
            }
            w[i] = w[i] - (m[i] * alpha) / ((float) Math.sqrt(second) + EPS);
        }
    }

    private static float[] gradient(SplittableRandom rng, int n) {
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            int kind = rng.nextInt(20);
            double sign = rng.nextBoolean() ? 1 : -1;
            g[i] = switch (kind) {
                case 0 -> 0f;
                case 1 -> -0f;
                case 2 -> (float) (sign * Float.MIN_VALUE * (1 + rng.nextInt(1000)));
                default -> (float) (sign * Math.pow(10, rng.nextDouble(-30, 18)));
            };
        }
        return g;
    }

    private static Operand<TFloat32> read(Ops s, Operand<?> handle) {
        return s.readVariableOp(handle, TFloat32.class);
    }

    private static float[] values(Session s, Ops tf, Operand<?> handle) {
        try (var result = s.runner().fetch(read(tf, handle)).run()) {
            TFloat32 t = (TFloat32) result.get(0);
            float[] out = new float[(int) t.size()];
            t.copyTo(DataBuffers.of(out, false, false));
            return out;
        }
    }

    private static void assertBits(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                fail(what + " element " + i + ": Keras " + expected[i] + ", Strata " + actual[i]);
            }
        }
    }
}
