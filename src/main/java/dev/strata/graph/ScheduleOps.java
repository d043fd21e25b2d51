package dev.strata.graph;

import dev.strata.spec.LearningRateSchedule;
import dev.strata.spec.LearningRateSchedule.CosineDecay;
import dev.strata.spec.LearningRateSchedule.CosineDecayRestarts;
import dev.strata.spec.LearningRateSchedule.ExponentialDecay;
import dev.strata.spec.LearningRateSchedule.InverseTimeDecay;
import dev.strata.spec.LearningRateSchedule.PiecewiseConstantDecay;
import dev.strata.spec.LearningRateSchedule.PolynomialDecay;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Keras 3's learning-rate schedules as graph ops on the optimizer's step count, with Keras's float32 operation
 * order (each hyperparameter cast to float32 once, as Keras's {@code ops.cast}). Keras's {@code ops.cond} becomes a
 * select: both branches are computed, and neither can poison the other (select takes whole values).
 */
final class ScheduleOps {
    private ScheduleOps() {
    }

    /** The rate at {@code step} (the step about to be taken, counted from 0). */
    static Operand<TFloat32> rate(Ops tf, LearningRateSchedule schedule, Operand<TInt64> step) {
        if (schedule instanceof PiecewiseConstantDecay p) {
            return piecewise(tf, p, step);
        }
        Operand<TFloat32> s = tf.dtypes.cast(step, TFloat32.class);
        if (schedule instanceof ExponentialDecay e) {
            Operand<TFloat32> p = tf.math.div(s, c(tf, e.decaySteps()));
            if (e.staircase()) {
                p = tf.math.floor(p);
            }
            return tf.math.mul(c(tf, e.initialLearningRate()), tf.math.pow(c(tf, e.decayRate()), p));
        }
        if (schedule instanceof PolynomialDecay p) {
            return polynomial(tf, p, s);
        }
        if (schedule instanceof InverseTimeDecay i) {
            Operand<TFloat32> p = tf.math.div(s, c(tf, i.decaySteps()));
            if (i.staircase()) {
                p = tf.math.floor(p);
            }
            return tf.math.div(c(tf, i.initialLearningRate()),
                    tf.math.add(tf.constant(1f), tf.math.mul(c(tf, i.decayRate()), p)));
        }
        if (schedule instanceof CosineDecay cd) {
            return cosine(tf, cd, s);
        }
        return restarts(tf, (CosineDecayRestarts) schedule, s);
    }

    /** Keras sums {@code mask * value} over the intervals, so a step takes exactly its interval's value. */
    private static Operand<TFloat32> piecewise(Ops tf, PiecewiseConstantDecay p, Operand<TInt64> step) {
        int n = p.boundaries().size();
        Operand<TFloat32> result = tf.constant(0f);
        result = tf.math.add(result, tf.math.mul(mask(tf, tf.math.lessEqual(step, b(tf, p, 0))), value(tf, p, 0)));
        result = tf.math.add(result, tf.math.mul(mask(tf, tf.math.greater(step, b(tf, p, n - 1))), value(tf, p, n)));
        for (int i = 0; i + 1 < n; i++) {
            Operand<TBool> in = tf.math.logicalAnd(tf.math.greater(step, b(tf, p, i)),
                    tf.math.lessEqual(step, b(tf, p, i + 1)));
            result = tf.math.add(result, tf.math.mul(mask(tf, in), value(tf, p, i + 1)));
        }
        return result;
    }

    private static Operand<TInt64> b(Ops tf, PiecewiseConstantDecay p, int i) {
        return tf.constant(p.boundaries().get(i));
    }

    private static Operand<TFloat32> value(Ops tf, PiecewiseConstantDecay p, int i) {
        return c(tf, p.values().get(i));
    }

    private static Operand<TFloat32> mask(Ops tf, Operand<TBool> b) {
        return tf.dtypes.cast(b, TFloat32.class);
    }

    private static Operand<TFloat32> polynomial(Ops tf, PolynomialDecay p, Operand<TFloat32> s) {
        Operand<TFloat32> decaySteps = c(tf, p.decaySteps());
        if (p.cycle()) {
            // Keras: multiplier = where(step == 0, 1.0, ceil(step / decay_steps))
            Operand<TFloat32> multiplier = tf.select(tf.math.equal(s, tf.constant(0f)), tf.constant(1f),
                    tf.math.ceil(tf.math.div(s, decaySteps)));
            decaySteps = tf.math.mul(decaySteps, multiplier);
        } else {
            s = tf.math.minimum(s, decaySteps);
        }
        Operand<TFloat32> fraction = tf.math.div(s, decaySteps);
        Operand<TFloat32> lr0 = c(tf, p.initialLearningRate());
        Operand<TFloat32> end = c(tf, p.endLearningRate());
        return tf.math.add(tf.math.mul(tf.math.sub(lr0, end),
                tf.math.pow(tf.math.sub(tf.constant(1f), fraction), c(tf, p.power()))), end);
    }

    private static Operand<TFloat32> cosine(Ops tf, CosineDecay cd, Operand<TFloat32> s) {
        Operand<TFloat32> lr0 = c(tf, cd.initialLearningRate());
        Operand<TFloat32> decaySteps = c(tf, cd.decaySteps());
        if (cd.warmupTarget() == null) {
            return cosineDecayed(tf, cd, tf.math.minimum(s, decaySteps), decaySteps, lr0);
        }
        Operand<TFloat32> target = c(tf, cd.warmupTarget());
        Operand<TFloat32> warmupSteps = c(tf, cd.warmupSteps());
        s = tf.math.minimum(s, tf.math.add(decaySteps, warmupSteps));
        // Keras: (target - lr0) * (step / warmup_steps) + lr0 while step < warmup_steps
        Operand<TFloat32> warm = tf.math.add(tf.math.mul(tf.math.sub(target, lr0), tf.math.div(s, warmupSteps)),
                lr0);
        Operand<TFloat32> decayed = cosineDecayed(tf, cd, tf.math.sub(s, warmupSteps), decaySteps, target);
        return tf.select(tf.math.less(s, warmupSteps), warm, decayed);
    }

    /** Keras: {@code from * ((1 - alpha) * 0.5 * (1 + cos(pi * step / decay_steps)) + alpha)}. */
    private static Operand<TFloat32> cosineDecayed(Ops tf, CosineDecay cd, Operand<TFloat32> s,
                                                   Operand<TFloat32> decaySteps, Operand<TFloat32> from) {
        Operand<TFloat32> fraction = tf.math.div(s, decaySteps);
        Operand<TFloat32> cos = tf.math.mul(tf.constant(0.5f), tf.math.add(tf.constant(1f),
                tf.math.cos(tf.math.mul(tf.constant((float) Math.PI), fraction))));
        // (1 - alpha) is a Python float expression: computed in double, then cast.
        Operand<TFloat32> decayed = tf.math.add(tf.math.mul(c(tf, 1 - cd.alpha()), cos), c(tf, cd.alpha()));
        return tf.math.mul(from, decayed);
    }

    private static Operand<TFloat32> restarts(Ops tf, CosineDecayRestarts r, Operand<TFloat32> s) {
        Operand<TFloat32> one = tf.constant(1f);
        Operand<TFloat32> alpha = c(tf, r.alpha());
        Operand<TFloat32> tMul = c(tf, r.tMul());
        Operand<TFloat32> fraction = tf.math.div(s, c(tf, r.firstDecaySteps()));
        Operand<TFloat32> restart;
        // Keras picks the branch with ops.cond(t_mul == 1.0); t_mul is a constant, so the choice is made here.
        if ((float) r.tMul() == 1f) {
            restart = tf.math.floor(fraction);
            fraction = tf.math.sub(fraction, restart);
        } else {
            Operand<TFloat32> oneMinusT = tf.math.sub(one, tMul);
            restart = tf.math.floor(tf.math.div(tf.math.log(tf.math.sub(one, tf.math.mul(fraction, oneMinusT))),
                    tf.math.log(tMul)));
            Operand<TFloat32> tPow = tf.math.pow(tMul, restart);
            Operand<TFloat32> sumR = tf.math.div(tf.math.sub(one, tPow), oneMinusT);
            fraction = tf.math.div(tf.math.sub(fraction, sumR), tPow);
        }
        Operand<TFloat32> mFac = tf.math.pow(c(tf, r.mMul()), restart);
        Operand<TFloat32> cos = tf.math.mul(tf.math.mul(tf.constant(0.5f), mFac), tf.math.add(one,
                tf.math.cos(tf.math.mul(tf.constant((float) Math.PI), fraction))));
        Operand<TFloat32> decayed = tf.math.add(tf.math.mul(tf.math.sub(one, alpha), cos), alpha);
        return tf.math.mul(c(tf, r.initialLearningRate()), decayed);
    }

    private static Operand<TFloat32> c(Ops tf, double v) {
        return tf.constant((float) v);
    }
}
