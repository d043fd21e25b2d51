package dev.strata.graph;

import dev.strata.spec.OptimizerOptions;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Keras 3's moving average of the weights ({@code use_ema}): after each weight's update,
 * {@code average = m * average + (1 - m) * w} with {@code m = ema_momentum}, except on the first step ever
 * ({@code iterations == 0}), where {@code m = 0} so the average starts at the weight. With
 * {@code ema_overwrite_frequency = f}, the weight then takes its average on every step where
 * {@code (iterations + 1) % f == 0}. Keras applies weight constraints after all of this, so the average follows
 * the unconstrained weight; {@link OptimizerOps} keeps that order.
 *
 * @param ops per weight, the last op of its update (what a constraint, or the step counter, waits on)
 * @param finalizeOp assigns every weight its average: Keras's {@code finalize_variable_values}, which {@code fit}
 *     runs when it returns
 */
record EmaOps(List<Op> ops, Op finalizeOp) {

    static EmaOps build(UpdateContext c, OptimizerOptions o, List<ModelVariable> vars, List<Op> applies) {
        Ops shared = c.root().withSubScope("ema");
        Operand<TInt64> step = c.step();
        Operand<TFloat32> notFirst = shared.dtypes.cast(shared.math.notEqual(step, shared.constant(0L)),
                TFloat32.class);
        Operand<TFloat32> momentum = shared.math.mul(notFirst, shared.constant((float) o.emaMomentum()));
        Operand<TFloat32> oneMinus = shared.math.sub(shared.constant(1f), momentum);
        Operand<TBool> overwrite = o.overwritesWithEma() ? shared.math.equal(shared.math.floorMod(
                shared.math.add(step, shared.constant(1L)), shared.constant((long) o.emaOverwriteFrequency())),
                shared.constant(0L)) : null;
        List<Op> ops = new ArrayList<>();
        List<Op> finals = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            ModelVariable v = vars.get(i);
            Operand<?> average = c.slot(v, "average", 0f);
            Ops s = UpdateContext.after(c.of(v), applies.get(i));
            Operand<TFloat32> w = UpdateContext.read(s.withName("ema_weight"), v.handle());
            Op update = s.withName("ema_update").assignVariableOp(average, s.math.add(
                    s.math.mul(momentum, UpdateContext.read(s, average)), s.math.mul(oneMinus, w)));
            if (overwrite != null) {
                Ops a = UpdateContext.after(s, update);
                update = a.withName("ema_overwrite").assignVariableOp(v.handle(), a.select(overwrite,
                        UpdateContext.read(a, average), UpdateContext.read(a, v.handle())));
            }
            ops.add(update);
            // Not c.of(v): finalizing runs outside a training step and must not wait for (or need) gradients.
            Ops f = c.unordered(v);
            finals.add(f.withName("ema_finalize").assignVariableOp(v.handle(), UpdateContext.read(f, average)));
        }
        Op finalizeOp = c.root().withControlDependencies(finals).withName("ema_finalize").noOp();
        return new EmaOps(ops, finalizeOp);
    }
}
