package dev.strata.graph;

import java.util.function.BiFunction;
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
 * TensorFlow's gradient of a scalar function of one float32 input against central finite differences, for tests of
 * gradients the C API's registry supplies.
 */
final class FiniteDifferences {
    private static final float H = 1e-2f;

    private FiniteDifferences() {
    }

    /**
     * {@code [largest |analytic - numeric|, largest |analytic|]} over the inputs of {@code scalar} at {@code x}.
     *
     * @param scalar builds the scalar from the input placeholder
     */
    static double[] check(long[] shape, float[] x, BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>> scalar) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
            Output<?> value = scalar.apply(tf, in).asOutput();
            Output<?> grad = g.addGradients(value, new Output<?>[] {in.asOutput()})[0];
            float[] analytic = run(s, in, shape, x, grad);
            double worst = 0;
            double largest = 0;
            for (int i = 0; i < x.length; i++) {
                float[] up = x.clone();
                float[] down = x.clone();
                up[i] += H;
                down[i] -= H;
                double numeric = (run(s, in, shape, up, value)[0] - run(s, in, shape, down, value)[0]) / (2.0 * H);
                worst = Math.max(worst, Math.abs(numeric - analytic[i]));
                largest = Math.max(largest, Math.abs(analytic[i]));
            }
            return new double[] {worst, largest};
        }
    }

    /** The values of {@code f} at {@code x}. */
    static float[] values(long[] shape, float[] x, BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>> f) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
            return run(s, in, shape, x, f.apply(tf, in).asOutput());
        }
    }

    /** {@code sum(k * y)} over every axis: a scalar whose gradient weighs each output of {@code y} by {@code k}. */
    static Operand<TFloat32> weightedSum(Ops tf, long[] shape, float[] k, Operand<TFloat32> y) {
        return tf.reduceSum(tf.math.mul(tf.reshape(tf.constant(k), tf.constant(shape)), y),
                tf.range(tf.constant(0), tf.constant(shape.length), tf.constant(1)));
    }

    private static float[] run(Session s, Placeholder<TFloat32> in, long[] shape, float[] x, Output<?> what) {
        try (TFloat32 t = TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(x, true, false));
             var result = s.runner().feed(in, t).fetch(what).run()) {
            TFloat32 out = (TFloat32) result.get(0);
            float[] values = new float[(int) out.size()];
            out.copyTo(DataBuffers.of(values, false, false));
            return values;
        }
    }
}
