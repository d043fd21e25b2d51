package dev.strata.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.spec.Regularizers;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Strata's L2 term takes the sum of squares from TensorFlow's one-pass {@code L2Loss}; it must be Keras's
 * {@code l2 * reduce_sum(square(x))} bit for bit, on weights of the shapes models have.
 */
class L2TermExactnessTest {
    @Test
    void l2TermIsKerasFormulaBitForBit() {
        long[][] shapes = {{784, 512}, {512, 10}, {512}, {3, 3, 64, 128}, {7}, {1000, 1000}};
        SplittableRandom rng = new SplittableRandom(5);
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class);
            Operand<TFloat32> keras = tf.math.mul(tf.constant(0.01f), tf.reduceSum(
                    tf.reshape(tf.math.square(x), tf.constant(new int[] {-1})), tf.constant(0)));
            Operand<TFloat32> strata = Penalties.build(tf, Regularizers.l2(0.01), x);
            for (long[] shape : shapes) {
                for (int trial = 0; trial < 5; trial++) {
                    int n = (int) Shape.of(shape).size();
                    float[] v = new float[n];
                    double scale = trial == 0 ? 1e-3 : trial == 1 ? 30 : 0.05;
                    for (int i = 0; i < n; i++) {
                        v[i] = (float) (rng.nextGaussian() * scale);
                    }
                    try (TFloat32 t = TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(v, true, false));
                         Result r = s.runner().feed(x, t).fetch(keras).fetch(strata).run()) {
                        float expected = ((TFloat32) r.get(0)).getFloat();
                        float actual = ((TFloat32) r.get(1)).getFloat();
                        assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(actual),
                                java.util.Arrays.toString(shape) + ": " + expected + " vs " + actual);
                    }
                }
            }
        }
    }
}
