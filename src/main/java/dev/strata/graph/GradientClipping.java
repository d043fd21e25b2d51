package dev.strata.graph;

import dev.strata.spec.OptimizerOptions;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras 3's gradient clipping, applied to the gradients before weight decay and the update: {@code clipnorm}
 * (TensorFlow's {@code clip_by_norm} per weight, which Keras's TensorFlow backend calls), {@code global_clipnorm}
 * (Keras's own {@code clip_by_global_norm}) or {@code clipvalue}. Zero means no clipping, as Keras's
 * {@code if self.clipnorm and self.clipnorm > 0}.
 */
final class GradientClipping {
    private GradientClipping() {
    }

    /** @param vars the weights, in the gradients' order (their ranks give the axes to reduce) */
    static List<Operand<TFloat32>> apply(Ops tf, OptimizerOptions o, List<ModelVariable> vars,
                                         List<Operand<TFloat32>> grads) {
        if (o.clipnorm() != null && o.clipnorm() > 0) {
            Ops s = tf.withSubScope("clipnorm");
            List<Operand<TFloat32>> out = new ArrayList<>();
            for (int i = 0; i < grads.size(); i++) {
                out.add(clipByNorm(s, grads.get(i), vars.get(i), (float) (double) o.clipnorm()));
            }
            return out;
        }
        if (o.globalClipnorm() != null && o.globalClipnorm() > 0) {
            return clipByGlobalNorm(tf.withSubScope("global_clipnorm"), vars, grads, o.globalClipnorm());
        }
        if (o.clipvalue() != null && o.clipvalue() > 0) {
            Ops s = tf.withSubScope("clipvalue");
            float v = (float) (double) o.clipvalue();
            List<Operand<TFloat32>> out = new ArrayList<>();
            for (Operand<TFloat32> g : grads) {
                out.add(s.clipByValue(g, s.constant(-v), s.constant(v)));
            }
            return out;
        }
        return grads;
    }

    /**
     * TensorFlow's {@code clip_by_norm}: {@code g * clip / max(||g||, clip)}, the norm taken through the two-select
     * guard so an all-zero gradient stays zero.
     */
    private static Operand<TFloat32> clipByNorm(Ops s, Operand<TFloat32> g, ModelVariable v, float clip) {
        Operand<TFloat32> l2sum = s.reduceSum(s.math.mul(g, g), allAxes(s, v), ReduceSum.keepDims(true));
        Operand<TBool> positive = s.math.greater(l2sum, s.constant(0f));
        Operand<TFloat32> safe = s.select(positive, l2sum, s.onesLike(l2sum));
        Operand<TFloat32> norm = s.select(positive, s.math.sqrt(safe), l2sum);
        Operand<TFloat32> clipNorm = s.constant(clip);
        return s.math.div(s.math.mul(g, clipNorm), s.math.maximum(norm, clipNorm));
    }

    /**
     * Keras's {@code clip_by_global_norm}: {@code scale = clip * min(1 / norm, 1 / clip) + (norm - norm)}, the last
     * term turning the scale into NaN when the norm is not finite; {@code 1 / clip} is a Python float, computed in
     * double before the cast, so below the threshold the scale is {@code float(clip) * float(1 / clip)}, which need
     * not be exactly 1.
     */
    private static List<Operand<TFloat32>> clipByGlobalNorm(Ops s, List<ModelVariable> vars,
                                                           List<Operand<TFloat32>> grads, double clip) {
        List<Operand<TFloat32>> squares = new ArrayList<>();
        for (int i = 0; i < grads.size(); i++) {
            squares.add(s.reduceSum(s.math.square(grads.get(i)), allAxes(s, vars.get(i))));
        }
        Operand<TFloat32> sum = s.reduceSum(s.stack(squares), s.constant(0));
        Operand<TFloat32> norm = s.math.sqrt(sum);
        Operand<TFloat32> scale = s.math.add(s.math.mul(s.constant((float) clip),
                        s.math.minimum(s.math.div(s.constant(1f), norm), s.constant((float) (1.0 / clip)))),
                s.math.sub(norm, norm));
        List<Operand<TFloat32>> out = new ArrayList<>();
        for (Operand<TFloat32> g : grads) {
            out.add(s.math.mul(g, scale));
        }
        return out;
    }

    /** {@code [0, rank)} of a weight (and of its gradient). */
    static Operand<TInt32> allAxes(Ops s, ModelVariable v) {
        int[] axes = new int[v.spec().shape().length];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i;
        }
        return s.constant(axes);
    }
}
