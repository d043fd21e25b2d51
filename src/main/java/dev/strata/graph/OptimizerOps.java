package dev.strata.graph;

import dev.strata.spec.Adadelta;
import dev.strata.spec.Adafactor;
import dev.strata.spec.Adagrad;
import dev.strata.spec.Adamax;
import dev.strata.spec.Ftrl;
import dev.strata.spec.Lamb;
import dev.strata.spec.Lion;
import dev.strata.spec.Nadam;
import dev.strata.spec.Optimizer;
import dev.strata.spec.OptimizerOptions;
import dev.strata.spec.RmsProp;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.train.ResourceApplyKerasMomentum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Keras 3's optimizer step on resource variables, in Keras's order: clip the gradients, apply decoupled weight
 * decay, update each weight by its rule, update the moving average of the weights (use_ema), then project
 * constrained weights. Every write waits for every gradient, so no update can race the backward pass. The rules
 * live in {@link AdamFamilyUpdates}, {@link AdaptiveUpdates} and {@link AdafactorUpdates}; SGD and Lion, a few
 * ops each, are here.
 */
final class OptimizerOps {
    private OptimizerOps() {
    }

    /** The step's ops, and the op that replaces the weights by their averages (null without use_ema). */
    record Built(List<Op> ops, Op emaFinalize) {
    }

    /**
     * @param fusedAdam use TensorFlow's fused Adam kernel: faster, but its float32 {@code 1 - beta} makes each step
     *     about 6.6e-6 relative larger than Keras 3's
     * @return the ops that apply one update to every trainable variable
     */
    /**
     * @param readersFirst ops that read weights and must run before any write (the penalty values): a write while
     *     a read of the weight is still pending makes TensorFlow copy the whole weight first (copy-on-write)
     */
    static Built build(ModelScopes scopes, Optimizer optimizer, List<ModelVariable> trainables,
                       Output<?>[] gradients, List<? extends Operand<?>> readersFirst, Operand<TFloat32> learningRate,
                       Operand<TInt64> step, VariableIo io, boolean fusedAdam) {
        Ops opt = scopes.optimizer.root();
        OptimizerOptions options = optimizer.options();
        // One barrier op waits on every gradient and every write waits on the barrier: the same ordering as making
        // each write wait on every gradient, with 2N control edges instead of N^2 (which made compiling quadratic).
        List<Op> before = new ArrayList<>(List.of(gradients));
        before.addAll(readersFirst);
        Op gradientsDone = opt.withControlDependencies(before).withName("gradients_done").noOp();
        Ops afterGradients = opt.withControlDependencies(List.of(gradientsDone));
        List<Op> updateDeps = List.of(gradientsDone);
        if (optimizer.weightDecay() > 0) {
            List<Op> decays = new ArrayList<>();
            Operand<TFloat32> wd = opt.constant((float) optimizer.weightDecay());
            Ops s = afterGradients.withSubScope("weight_decay");
            for (ModelVariable v : trainables) {
                // Keras 3: variable.assign(variable - variable * wd * lr)
                decays.add(s.assignSubVariableOp(v.handle(), s.math.mul(s.math.mul(v.value(), wd), learningRate)));
            }
            updateDeps = List.of(opt.withControlDependencies(decays).withName("decay_done").noOp());
        }
        List<Operand<TFloat32>> grads = new ArrayList<>();
        for (Output<?> g : gradients) {
            @SuppressWarnings("unchecked")
            Operand<TFloat32> f = (Operand<TFloat32>) g;
            grads.add(f);
        }
        // Keras clips before the decay; the clipped values depend only on the gradients.
        grads = GradientClipping.apply(opt, options, trainables, grads);
        UpdateContext c = new UpdateContext(scopes, io, learningRate, step, updateDeps);
        List<Op> applies = applies(c, optimizer, trainables, grads, fusedAdam);
        Op finalizeOp = null;
        if (options.useEma()) {
            EmaOps ema = EmaOps.build(c, options, trainables, applies);
            applies = ema.ops();
            finalizeOp = ema.finalizeOp();
        }
        return new Built(constrained(scopes, trainables, applies), finalizeOp);
    }

    private static List<Op> applies(UpdateContext c, Optimizer optimizer, List<ModelVariable> vars,
                                    List<Operand<TFloat32>> grads, boolean fusedAdam) {
        if (optimizer instanceof Optimizer.Sgd o) {
            return sgd(c, o, vars, grads);
        } else if (optimizer instanceof Optimizer.Adam o) {
            return AdamFamilyUpdates.adam(c, o, vars, grads, fusedAdam);
        } else if (optimizer instanceof Adamax o) {
            return AdamFamilyUpdates.adamax(c, o, vars, grads);
        } else if (optimizer instanceof Nadam o) {
            return AdamFamilyUpdates.nadam(c, o, vars, grads);
        } else if (optimizer instanceof Lamb o) {
            return AdamFamilyUpdates.lamb(c, o, vars, grads);
        } else if (optimizer instanceof RmsProp o) {
            return AdaptiveUpdates.rmsprop(c, o, vars, grads);
        } else if (optimizer instanceof Adagrad o) {
            return AdaptiveUpdates.adagrad(c, o, vars, grads);
        } else if (optimizer instanceof Adadelta o) {
            return AdaptiveUpdates.adadelta(c, o, vars, grads);
        } else if (optimizer instanceof Ftrl o) {
            return AdaptiveUpdates.ftrl(c, o, vars, grads);
        } else if (optimizer instanceof Lion o) {
            return lion(c, o, vars, grads);
        }
        return AdafactorUpdates.adafactor(c, (Adafactor) optimizer, vars, grads);
    }

    /** Keras 3 SGD: {@code m = momentum * m - lr * g; w += m} (Nesterov: {@code w += momentum * m - lr * g}). */
    private static List<Op> sgd(UpdateContext c, Optimizer.Sgd sgd, List<ModelVariable> vars,
                                List<Operand<TFloat32>> grads) {
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            ModelVariable v = vars.get(i);
            Ops u = c.of(v);
            if (sgd.momentum() == 0) {
                applies.add(u.train.resourceApplyGradientDescent(v.handle(), c.learningRate(), grads.get(i)));
            } else {
                Operand<?> m = c.slot(v, "momentum", 0f);
                applies.add(u.train.resourceApplyKerasMomentum(v.handle(), m, c.learningRate(), grads.get(i),
                        u.constant((float) sgd.momentum()), ResourceApplyKerasMomentum.useNesterov(sgd.nesterov())));
            }
        }
        return applies;
    }

    /**
     * Keras 3 Lion: {@code w -= lr * sign(m * beta_1 + g * (1 - beta_1))}, then
     * {@code m = m * beta_2 + g * (1 - beta_2)}, both on the old {@code m}; the betas are cast tensors in Keras, so
     * {@code 1 - beta} is computed in float32.
     */
    private static List<Op> lion(UpdateContext c, Lion o, List<ModelVariable> vars, List<Operand<TFloat32>> grads) {
        Ops a = c.root().withSubScope("lion");
        Operand<TFloat32> one = a.constant(1f);
        Operand<TFloat32> beta1 = a.constant((float) o.beta1());
        Operand<TFloat32> beta2 = a.constant((float) o.beta2());
        Operand<TFloat32> oneMinusBeta1 = a.math.sub(one, beta1);
        Operand<TFloat32> oneMinusBeta2 = a.math.sub(one, beta2);
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            ModelVariable v = vars.get(i);
            Operand<TFloat32> g = grads.get(i);
            Operand<?> mHandle = c.slot(v, "momentum", 0f);
            Ops u = c.of(v);
            Operand<TFloat32> m = UpdateContext.read(u, mHandle);
            Op step = u.assignSubVariableOp(v.handle(), u.math.mul(c.learningRate(),
                    u.math.sign(u.math.add(u.math.mul(m, beta1), u.math.mul(g, oneMinusBeta1)))));
            applies.add(UpdateContext.after(u, step).assignVariableOp(mHandle,
                    u.math.add(u.math.mul(m, beta2), u.math.mul(g, oneMinusBeta2))));
        }
        return applies;
    }

    /**
     * Keras 3 projects each constrained weight right after its update: {@code w.assign(constraint(w))}. The
     * projection reads the updated value, so it waits on that weight's apply op and replaces it in the list the
     * training step waits on.
     */
    private static List<Op> constrained(ModelScopes scopes, List<ModelVariable> trainables, List<Op> applies) {
        List<Op> out = new ArrayList<>(applies.size());
        for (int i = 0; i < applies.size(); i++) {
            ModelVariable v = trainables.get(i);
            if (v.spec().constraint() == null) {
                out.add(applies.get(i));
                continue;
            }
            Ops c = scopes.optimizer.of(scopes.variableScope(v.layerName(), v.spec().name()))
                    .withControlDependencies(List.of(applies.get(i)));
            Operand<TFloat32> updated = c.withName("updated").readVariableOp(v.handle(), TFloat32.class);
            out.add(c.withName("constrain").assignVariableOp(v.handle(),
                    ConstraintOps.apply(c, v.spec().constraint(), updated)));
        }
        return out;
    }

    static long[] toLong(int[] shape) {
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[i];
        }
        return out;
    }
}
