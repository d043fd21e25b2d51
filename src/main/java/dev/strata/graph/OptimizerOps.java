package dev.strata.graph;

import dev.strata.spec.Optimizer;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.op.train.ResourceApplyKerasMomentum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Keras 3 update rules on resource variables. Every write waits for every gradient, so no update can race
 * the backward pass; decoupled weight decay runs before the update, as Keras 3 applies it.
 */
final class OptimizerOps {
    private OptimizerOps() {
    }

    /**
     * @param fusedAdam use TensorFlow's fused Adam kernel: faster, but its float32 {@code 1 - beta} makes each step
     *     about 6.6e-6 relative larger than Keras 3's
     * @return the ops that apply one update to every trainable variable
     */
    static List<Op> build(ModelScopes scopes, Optimizer optimizer, List<ModelVariable> trainables,
                          Output<?>[] gradients, Operand<TFloat32> learningRate, Operand<TInt64> step, VariableIo io,
                          boolean fusedAdam) {
        Ops opt = scopes.optimizer.root();
        // One barrier op waits on every gradient and every write waits on the barrier: the same ordering as making
        // each write wait on every gradient, with 2N control edges instead of N^2 (which made compiling quadratic).
        Op gradientsDone = opt.withControlDependencies(List.of(gradients)).withName("gradients_done").noOp();
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
        Ops updates = opt.withControlDependencies(updateDeps);
        List<Op> applies = new ArrayList<>();
        if (optimizer instanceof Optimizer.Sgd sgd) {
            for (int i = 0; i < trainables.size(); i++) {
                ModelVariable v = trainables.get(i);
                @SuppressWarnings("unchecked")
                Operand<TFloat32> g = (Operand<TFloat32>) gradients[i];
                if (sgd.momentum() == 0) {
                    applies.add(updates.train.resourceApplyGradientDescent(v.handle(), learningRate, g));
                } else {
                    Operand<?> m = slot(scopes, io, v, "momentum");
                    applies.add(updates.train.resourceApplyKerasMomentum(v.handle(), m, learningRate, g,
                            opt.constant((float) sgd.momentum()), ResourceApplyKerasMomentum.useNesterov(sgd.nesterov())));
                }
            }
        } else {
            Optimizer.Adam adam = (Optimizer.Adam) optimizer;
            Ops a = opt.withSubScope("adam");
            Operand<TFloat32> localStep = a.dtypes.cast(a.math.add(step, a.constant(1L)), TFloat32.class);
            Operand<TFloat32> beta1Power = a.math.pow(a.constant((float) adam.beta1()), localStep);
            Operand<TFloat32> beta2Power = a.math.pow(a.constant((float) adam.beta2()), localStep);
            Operand<TFloat32> one = a.constant(1f);
            // Keras 3: alpha = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t), in float32.
            Operand<TFloat32> alpha = a.math.div(a.math.mul(learningRate, a.math.sqrt(a.math.sub(one, beta2Power))),
                    a.math.sub(one, beta1Power));
            // Keras computes 1 - beta in double before the float32 cast; TensorFlow's fused ResourceApplyAdam
            // computes it in float32 (1 - 0.999f is 1.3e-5 off 0.001), so by default the update is written out.
            Operand<TFloat32> oneMinusBeta1 = a.constant((float) (1 - adam.beta1()));
            Operand<TFloat32> oneMinusBeta2 = a.constant((float) (1 - adam.beta2()));
            Operand<TFloat32> beta1 = a.constant((float) adam.beta1());
            Operand<TFloat32> beta2 = a.constant((float) adam.beta2());
            Operand<TFloat32> epsilon = a.constant((float) adam.epsilon());
            for (int i = 0; i < trainables.size(); i++) {
                ModelVariable v = trainables.get(i);
                @SuppressWarnings("unchecked")
                Operand<TFloat32> g = (Operand<TFloat32>) gradients[i];
                Operand<?> mHandle = slot(scopes, io, v, "m");
                Operand<?> vHandle = slot(scopes, io, v, "v");
                if (fusedAdam) {
                    applies.add(updates.train.resourceApplyAdam(v.handle(), mHandle, vHandle, beta1Power, beta2Power,
                            learningRate, beta1, beta2, epsilon, g));
                    continue;
                }
                Ops u = scopes.optimizer.of(scopes.variableScope(v.layerName(), v.spec().name()))
                        .withControlDependencies(updateDeps);
                // Keras 3: m.assign_add((g - m) * (1 - beta_1)); v.assign_add((g^2 - v) * (1 - beta_2));
                // variable.assign_sub(m * alpha / (sqrt(v) + epsilon)), each on the updated slots.
                Op addM = u.assignAddVariableOp(mHandle,
                        u.math.mul(u.math.sub(g, u.readVariableOp(mHandle, TFloat32.class)), oneMinusBeta1));
                Op addV = u.assignAddVariableOp(vHandle, u.math.mul(u.math.sub(u.math.square(g),
                        u.readVariableOp(vHandle, TFloat32.class)), oneMinusBeta2));
                Ops after = u.withControlDependencies(List.of(addM, addV));
                Operand<TFloat32> m = after.readVariableOp(mHandle, TFloat32.class);
                Operand<TFloat32> s = after.readVariableOp(vHandle, TFloat32.class);
                Operand<TFloat32> delta = after.math.div(after.math.mul(m, alpha),
                        after.math.add(after.math.sqrt(s), epsilon));
                applies.add(after.assignSubVariableOp(v.handle(), delta));
            }
        }
        return constrained(scopes, trainables, applies);
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

    private static Operand<?> slot(ModelScopes scopes, VariableIo io, ModelVariable v, String kind) {
        String name = "optimizer/" + v.name() + "/" + kind;
        long[] shape = toLong(v.spec().shape());
        Ops scope = scopes.optimizer.of(scopes.variableScope(v.layerName(), v.spec().name()));
        Operand<?> handle = scope.withName(kind).varHandleOp(TFloat32.class, Shape.of(shape),
                VarHandleOp.sharedName(name));
        io.add(name, shape, handle, scope.withName(kind + "_read").readVariableOp(handle, TFloat32.class));
        return handle;
    }

    static long[] toLong(int[] shape) {
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[i];
        }
        return out;
    }
}
