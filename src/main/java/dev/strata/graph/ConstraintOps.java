package dev.strata.graph;

import dev.strata.spec.Constraint;
import dev.strata.spec.IntTuple;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;

/** Keras 3 weight constraints as graph ops, with Keras's {@code epsilon = 1e-7} and operation order. */
final class ConstraintOps {
    private static final float EPSILON = 1e-7f;

    private ConstraintOps() {
    }

    static Operand<TFloat32> apply(Ops tf, Constraint c, Operand<TFloat32> w) {
        if (c instanceof Constraint.NonNeg) {
            return tf.math.maximum(w, tf.constant(0f));
        }
        if (c instanceof Constraint.UnitNorm u) {
            return tf.math.div(w, tf.math.add(tf.constant(EPSILON), norms(tf, w, u.axis())));
        }
        Operand<TFloat32> desired;
        Operand<TFloat32> norms;
        if (c instanceof Constraint.MaxNorm m) {
            norms = norms(tf, w, m.axis());
            desired = tf.clipByValue(norms, tf.constant(0f), tf.constant((float) m.maxValue()));
        } else {
            Constraint.MinMaxNorm m = (Constraint.MinMaxNorm) c;
            norms = norms(tf, w, m.axis());
            Operand<TFloat32> clipped = tf.clipByValue(norms, tf.constant((float) m.minValue()),
                    tf.constant((float) m.maxValue()));
            desired = tf.math.add(tf.math.mul(tf.constant((float) m.rate()), clipped),
                    tf.math.mul(tf.constant((float) (1 - m.rate())), norms));
        }
        // Keras: w * (desired / (epsilon + norms))
        return tf.math.mul(w, tf.math.div(desired, tf.math.add(tf.constant(EPSILON), norms)));
    }

    /** {@code sqrt(sum(w^2, axis, keepdims=True))}. */
    private static Operand<TFloat32> norms(Ops tf, Operand<TFloat32> w, IntTuple axis) {
        return tf.math.sqrt(tf.reduceSum(tf.math.square(w), tf.constant(axis.toArray()), ReduceSum.keepDims(true)));
    }
}
