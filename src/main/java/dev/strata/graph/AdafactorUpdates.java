package dev.strata.graph;

import static dev.strata.graph.UpdateContext.after;
import static dev.strata.graph.UpdateContext.c;
import static dev.strata.graph.UpdateContext.read;

import dev.strata.spec.Adafactor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * Keras 3 Adafactor. Per step: {@code rho = min(lr, 1 / sqrt(t))}, {@code beta = 1 - t^beta_2_decay}. Per weight:
 * {@code alpha = max(epsilon_2, rms(w)) * rho}; with {@code s = g^2 + epsilon_1}, a weight of rank 2 or more keeps
 * row means {@code r} and column means {@code c} of {@code s} (each {@code beta * old + (1 - beta) * mean}) and
 * uses {@code v = (r / mean(r)) outer c}; a bias keeps {@code v} itself. Then {@code u = g / sqrt(v)},
 * {@code w -= alpha * u / max(1, rms(u) / clip_threshold)}. Only {@code r}, {@code c} and a bias's {@code v} carry
 * over between steps, so only they are slots (Keras also stores the recomputed {@code v}).
 */
final class AdafactorUpdates {
    private AdafactorUpdates() {
    }

    static List<Op> adafactor(UpdateContext c, Adafactor o, List<ModelVariable> vars, List<Operand<TFloat32>> grads) {
        Ops a = c.root().withSubScope("adafactor");
        Operand<TFloat32> one = a.constant(1f);
        Operand<TFloat32> t = c.localStep();
        Operand<TFloat32> inverseRoot = a.math.div(one, a.math.sqrt(t));
        // Keras applies min(lr, 1/sqrt(t)) once for relative_step and once for rho: the second is the first.
        Operand<TFloat32> rho = a.math.minimum(c.learningRate(), inverseRoot);
        Operand<TFloat32> beta = a.math.sub(one, a.math.pow(t, c(a, o.beta2Decay())));
        Operand<TFloat32> oneMinusBeta = a.math.sub(one, beta);
        Operand<TFloat32> epsilon1 = c(a, o.epsilon1());
        Operand<TFloat32> epsilon2 = c(a, o.epsilon2());
        Operand<TFloat32> clip = c(a, o.clipThreshold());
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            ModelVariable v = vars.get(i);
            Operand<TFloat32> g = grads.get(i);
            int[] shape = v.spec().shape();
            int rank = shape.length;
            Ops u = c.of(v);
            Operand<TFloat32> alpha = u.math.mul(u.math.maximum(epsilon2, rms(u, read(u, v.handle()), rank)), rho);
            Operand<TFloat32> regulated = u.math.add(u.math.square(g), epsilon1);
            Operand<TFloat32> second;
            Ops s;
            if (rank >= 2) {
                long[] rShape = OptimizerOps.toLong(Arrays.copyOf(shape, rank - 1));
                long[] cShape = OptimizerOps.toLong(shape);
                cShape = dropAxis(cShape, rank - 2);
                Operand<?> r = c.slot(v, "r", rShape, 0f);
                Operand<?> col = c.slot(v, "c", cShape, 0f);
                Op setR = u.assignVariableOp(r, decayed(u, beta, oneMinusBeta, read(u, r),
                        u.math.mean(regulated, u.constant(-1))));
                Op setC = u.assignVariableOp(col, decayed(u, beta, oneMinusBeta, read(u, col),
                        u.math.mean(regulated, u.constant(-2))));
                s = after(u, setR, setC);
                Operand<TFloat32> rNew = read(s, r);
                Operand<TFloat32> rowFactor = s.math.div(rNew, s.math.mean(rNew, s.constant(-1), Mean.keepDims(true)));
                second = s.math.mul(s.expandDims(rowFactor, s.constant(-1)), s.expandDims(read(s, col),
                        s.constant(-2)));
            } else {
                Operand<?> velocity = c.slot(v, "velocity", 0f);
                Op setV = u.assignVariableOp(velocity, decayed(u, beta, oneMinusBeta, read(u, velocity), regulated));
                s = after(u, setV);
                second = read(s, velocity);
            }
            Operand<TFloat32> update = s.math.div(g, s.math.sqrt(second));
            Operand<TFloat32> clipped = s.math.div(update, s.math.maximum(one, s.math.div(rms(s, update, rank), clip)));
            applies.add(s.assignSubVariableOp(v.handle(), s.math.mul(alpha, clipped)));
        }
        return applies;
    }

    /** {@code beta * old + (1 - beta) * fresh}. */
    private static Operand<TFloat32> decayed(Ops s, Operand<TFloat32> beta, Operand<TFloat32> oneMinusBeta,
                                             Operand<TFloat32> old, Operand<TFloat32> fresh) {
        return s.math.add(s.math.mul(beta, old), s.math.mul(oneMinusBeta, fresh));
    }

    /** Keras's {@code sqrt(mean(square(x)))} over every axis. */
    private static Operand<TFloat32> rms(Ops s, Operand<TFloat32> x, int rank) {
        int[] axes = new int[rank];
        for (int k = 0; k < rank; k++) {
            axes[k] = k;
        }
        return s.math.sqrt(s.math.mean(s.math.square(x), s.constant(axes)));
    }

    private static long[] dropAxis(long[] shape, int axis) {
        long[] out = new long[shape.length - 1];
        for (int k = 0, j = 0; k < shape.length; k++) {
            if (k != axis) {
                out[j++] = shape[k];
            }
        }
        return out;
    }
}
