package dev.strata.graph;

import dev.strata.spec.CustomRegularizer;
import dev.strata.spec.L1;
import dev.strata.spec.L1L2;
import dev.strata.spec.L2;
import dev.strata.spec.OrthogonalRegularizer;
import dev.strata.spec.Regularizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;

/**
 * Builds the scalar penalty of a regularizer spec, with Keras 3's formulas in float32. Every penalty reads
 * the weight through the variable's shared read, never the resource itself (see DEVELOPERS notes on the
 * gradient crash with ref variables).
 */
public final class Penalties {
    private static final Map<String, PenaltyFunction> CUSTOM = new ConcurrentHashMap<>();

    private Penalties() {
    }

    /**
     * Registers a custom penalty under a name JSON specs and {@link CustomRegularizer} can use; Keras 3
     * writes such names as {@code "package>Name"}.
     */
    public static void register(String name, PenaltyFunction function) {
        if (name == null || name.isBlank() || function == null) {
            throw new IllegalArgumentException("a custom penalty needs a non-empty name and a function");
        }
        CUSTOM.put(name, function);
        CustomRegularizer.markRegistered(name);
    }

    static Operand<TFloat32> build(Ops tf, Regularizer r, Operand<TFloat32> x) {
        if (r instanceof L1 l1) {
            return l1Term(tf, (float) l1.l1(), x);
        }
        if (r instanceof L2 l2) {
            return l2Term(tf, (float) l2.l2(), x);
        }
        if (r instanceof L1L2 both) {
            if (both.l1() == 0 && both.l2() == 0) {
                return tf.constant(0f);
            }
            if (both.l2() == 0) {
                return l1Term(tf, (float) both.l1(), x);
            }
            if (both.l1() == 0) {
                return l2Term(tf, (float) both.l2(), x);
            }
            // Keras 3 starts from l1 * sum|x| and adds l2 * sum(x^2), in that order.
            return tf.math.add(l1Term(tf, (float) both.l1(), x), l2Term(tf, (float) both.l2(), x));
        }
        if (r instanceof OrthogonalRegularizer o) {
            return orthogonal(tf, o, x);
        }
        CustomRegularizer c = (CustomRegularizer) r;
        PenaltyFunction f = CUSTOM.get(c.registeredName());
        if (f == null) {
            throw new IllegalStateException("custom regularizer '" + c.registeredName() + "' has no penalty function");
        }
        return f.apply(tf, x, c.config());
    }

    private static Operand<TFloat32> l1Term(Ops tf, float factor, Operand<TFloat32> x) {
        return tf.math.mul(tf.constant(factor), sumAll(tf, tf.math.abs(x)));
    }

    /**
     * {@code l2 * sum(square(x))} as Keras writes it, with the sum of squares taken by TensorFlow's {@code L2Loss}
     * ({@code sum(x^2) / 2}, times 2): one pass over the weight instead of two and no temporary of its size. It is
     * the same float: halving each square and doubling the sum are exact, and both kernels reduce with Eigen's full
     * reduction (no difference in 180 random weights of the benchmark's and other shapes up to 10^6 values).
     */
    private static Operand<TFloat32> l2Term(Ops tf, float factor, Operand<TFloat32> x) {
        return tf.math.mul(tf.constant(factor), tf.math.mul(tf.nn.l2Loss(x), tf.constant(2f)));
    }

    static Operand<TFloat32> sumAll(Ops tf, Operand<TFloat32> x) {
        int rank = x.shape().numDimensions();
        if (rank < 0) {
            return tf.reduceSum(tf.reshape(x, tf.constant(new int[] {-1})), tf.constant(0));
        }
        int[] axes = new int[rank];
        for (int i = 0; i < rank; i++) {
            axes[i] = i;
        }
        return tf.reduceSum(x, tf.constant(axes), ReduceSum.keepDims(false));
    }

    /**
     * Keras 3: L2-normalise rows (or columns), take their Gram matrix P, and average |P| over the
     * off-diagonal pairs: {@code factor * 0.5 * sum(|P * (1 - I)|) / (n (n - 1) / 2)}.
     */
    private static Operand<TFloat32> orthogonal(Ops tf, OrthogonalRegularizer o, Operand<TFloat32> x) {
        boolean rows = o.mode() == OrthogonalRegularizer.Mode.ROWS;
        int axis = rows ? 1 : 0;
        int n = (int) x.shape().get(rows ? 0 : 1);
        Operand<TFloat32> squareSum = tf.reduceSum(tf.math.square(x), tf.constant(axis), ReduceSum.keepDims(true));
        // Keras's normalize: x * min(rsqrt(sum(x^2)), 1 / epsilon), so a zero row stays zero instead of NaN.
        Operand<TFloat32> invNorm = tf.math.minimum(tf.math.rsqrt(squareSum), tf.constant(1f / 1e-7f));
        Operand<TFloat32> unit = tf.math.mul(x, invNorm);
        Operand<TFloat32> gram = rows
                ? tf.linalg.matMul(unit, unit, org.tensorflow.op.linalg.MatMul.transposeB(true))
                : tf.linalg.matMul(unit, unit, org.tensorflow.op.linalg.MatMul.transposeA(true));
        float[][] offDiagonal = new float[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                offDiagonal[i][j] = i == j ? 0f : 1f;
            }
        }
        Operand<TFloat32> masked = tf.math.mul(gram, tf.constant(offDiagonal));
        float pairs = n * (n - 1f) / 2f;
        // Same association as Keras: (factor * 0.5) * sum / pairs.
        Operand<TFloat32> scaled = tf.math.mul(tf.constant((float) (o.factor() * 0.5)), sumAll(tf, tf.math.abs(masked)));
        return tf.math.div(scaled, tf.constant(pairs));
    }
}
