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
     * @return the ops that apply one update to every trainable variable
     */
    static List<Op> build(Ops tf, Optimizer optimizer, List<ModelVariable> trainables, Output<?>[] gradients,
                          Operand<TFloat32> learningRate, Operand<TInt64> step, VariableIo io) {
        Ops opt = tf.withSubScope("optimizer");
        List<Op> gradientOps = List.of(gradients);
        Ops afterGradients = opt.withControlDependencies(gradientOps);
        List<Op> decays = new ArrayList<>();
        if (optimizer.weightDecay() > 0) {
            Operand<TFloat32> wd = opt.constant((float) optimizer.weightDecay());
            for (ModelVariable v : trainables) {
                Ops s = afterGradients.withSubScope("weight_decay");
                // Keras 3: variable.assign(variable - variable * wd * lr)
                decays.add(s.assignSubVariableOp(v.handle(), s.math.mul(s.math.mul(v.value(), wd), learningRate)));
            }
        }
        Ops updates = decays.isEmpty() ? afterGradients : afterGradients.withControlDependencies(concat(gradientOps, decays));
        List<Op> applies = new ArrayList<>();
        if (optimizer instanceof Optimizer.Sgd sgd) {
            for (int i = 0; i < trainables.size(); i++) {
                ModelVariable v = trainables.get(i);
                @SuppressWarnings("unchecked")
                Operand<TFloat32> g = (Operand<TFloat32>) gradients[i];
                if (sgd.momentum() == 0) {
                    applies.add(updates.train.resourceApplyGradientDescent(v.handle(), learningRate, g));
                } else {
                    Operand<?> m = slot(opt, io, v, "momentum");
                    applies.add(updates.train.resourceApplyKerasMomentum(v.handle(), m, learningRate, g,
                            opt.constant((float) sgd.momentum()), ResourceApplyKerasMomentum.useNesterov(sgd.nesterov())));
                }
            }
        } else {
            Optimizer.Adam adam = (Optimizer.Adam) optimizer;
            Operand<TFloat32> localStep = opt.dtypes.cast(opt.math.add(step, opt.constant(1L)), TFloat32.class);
            Operand<TFloat32> beta1 = opt.constant((float) adam.beta1());
            Operand<TFloat32> beta2 = opt.constant((float) adam.beta2());
            Operand<TFloat32> beta1Power = opt.math.pow(beta1, localStep);
            Operand<TFloat32> beta2Power = opt.math.pow(beta2, localStep);
            Operand<TFloat32> epsilon = opt.constant((float) adam.epsilon());
            for (int i = 0; i < trainables.size(); i++) {
                ModelVariable v = trainables.get(i);
                @SuppressWarnings("unchecked")
                Operand<TFloat32> g = (Operand<TFloat32>) gradients[i];
                Operand<?> m = slot(opt, io, v, "m");
                Operand<?> vv = slot(opt, io, v, "v");
                applies.add(updates.train.resourceApplyAdam(v.handle(), m, vv, beta1Power, beta2Power, learningRate,
                        beta1, beta2, epsilon, g));
            }
        }
        return applies;
    }

    private static Operand<?> slot(Ops opt, VariableIo io, ModelVariable v, String kind) {
        String name = "optimizer/" + v.name() + "/" + kind;
        long[] shape = toLong(v.spec().shape());
        Operand<?> handle = opt.withName(v.name().replace('/', '_') + "_" + kind).varHandleOp(TFloat32.class,
                Shape.of(shape), VarHandleOp.sharedName(name));
        io.add(name, shape, handle, opt.readVariableOp(handle, TFloat32.class));
        return handle;
    }

    static long[] toLong(int[] shape) {
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[i];
        }
        return out;
    }

    private static List<Op> concat(List<Op> a, List<Op> b) {
        List<Op> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
