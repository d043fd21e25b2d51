package dev.strata.graph;

import static dev.strata.graph.UpdateContext.after;
import static dev.strata.graph.UpdateContext.c;
import static dev.strata.graph.UpdateContext.read;

import dev.strata.spec.Adadelta;
import dev.strata.spec.Adagrad;
import dev.strata.spec.Ftrl;
import dev.strata.spec.RmsProp;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras 3's RMSprop, Adagrad, Adadelta and Ftrl updates, op by op. TensorFlow's fused kernels do not compute the
 * same numbers: {@code ApplyRMSProp} updates {@code ms += (g^2 - ms) * (1 - rho)} and multiplies by
 * {@code rsqrt}, {@code ApplyAdagradV2} adds epsilon outside the square root, {@code ApplyAdadelta} and
 * {@code ApplyFtrlV2} associate their products differently; each is a few ulps to a few 1e-6 off Keras.
 */
final class AdaptiveUpdates {
    private AdaptiveUpdates() {
    }

    static List<Op> rmsprop(UpdateContext c, RmsProp o, List<ModelVariable> vars, List<Operand<TFloat32>> grads) {
        Ops a = c.root().withSubScope("rmsprop");
        Operand<TFloat32> rho = c(a, o.rho());
        Operand<TFloat32> oneMinusRho = c(a, 1 - o.rho());
        Operand<TFloat32> epsilon = c(a, o.epsilon());
        Operand<TFloat32> momentum = c(a, o.momentum());
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            ModelVariable v = vars.get(i);
            Operand<TFloat32> g = grads.get(i);
            Operand<?> velocity = c.slot(v, "velocity", 0f);
            Operand<?> mom = o.momentum() > 0 ? c.slot(v, "momentum", 0f) : null;
            Operand<?> average = o.centered() ? c.slot(v, "average_gradient", 0f) : null;
            Ops u = c.of(v);
            // Keras: velocity = rho * velocity + (1 - rho) * g^2
            Op setV = u.assignVariableOp(velocity, u.math.add(u.math.mul(rho, read(u, velocity)),
                    u.math.mul(oneMinusRho, u.math.square(g))));
            Ops s = after(u, setV);
            Operand<TFloat32> denominator;
            if (average != null) {
                Op setA = u.assignVariableOp(average, u.math.add(u.math.mul(rho, read(u, average)),
                        u.math.mul(oneMinusRho, g)));
                s = after(u, setV, setA);
                // Keras: velocity - average^2 + epsilon, on the updated slots
                denominator = s.math.add(s.math.sub(read(s, velocity), s.math.square(read(s, average))), epsilon);
            } else {
                denominator = s.math.add(read(s, velocity), epsilon);
            }
            Operand<TFloat32> increment = s.math.div(s.math.mul(c.learningRate(), g), s.math.sqrt(denominator));
            if (mom == null) {
                applies.add(s.assignSubVariableOp(v.handle(), increment));
            } else {
                Op setM = s.assignVariableOp(mom, s.math.add(s.math.mul(momentum, read(s, mom)), increment));
                Ops m = after(s, setM);
                applies.add(m.assignSubVariableOp(v.handle(), read(m, mom)));
            }
        }
        return applies;
    }

    /** Keras: {@code acc += g^2; w -= lr * g / sqrt(acc + eps)}, the accumulator starting at its initial value. */
    static List<Op> adagrad(UpdateContext c, Adagrad o, List<ModelVariable> vars, List<Operand<TFloat32>> grads) {
        Ops a = c.root().withSubScope("adagrad");
        Operand<TFloat32> epsilon = c(a, o.epsilon());
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            ModelVariable v = vars.get(i);
            Operand<TFloat32> g = grads.get(i);
            Operand<?> acc = c.slot(v, "accumulator", (float) o.initialAccumulatorValue());
            Ops u = c.of(v);
            Ops s = after(u, u.assignAddVariableOp(acc, u.math.square(g)));
            applies.add(s.assignSubVariableOp(v.handle(), s.math.div(s.math.mul(c.learningRate(), g),
                    s.math.sqrt(s.math.add(read(s, acc), epsilon)))));
        }
        return applies;
    }

    /**
     * Keras: {@code a = rho * a + (1 - rho) * g^2}; {@code d = -(sqrt(u + eps) * g / sqrt(a + eps))} with the
     * updated {@code a} and the old {@code u}; {@code u = rho * u + (1 - rho) * d^2}; {@code w += lr * d}.
     */
    static List<Op> adadelta(UpdateContext c, Adadelta o, List<ModelVariable> vars, List<Operand<TFloat32>> grads) {
        Ops a = c.root().withSubScope("adadelta");
        Operand<TFloat32> rho = c(a, o.rho());
        Operand<TFloat32> oneMinusRho = c(a, 1 - o.rho());
        Operand<TFloat32> epsilon = c(a, o.epsilon());
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            ModelVariable v = vars.get(i);
            Operand<TFloat32> g = grads.get(i);
            Operand<?> accGrad = c.slot(v, "accumulated_grad", 0f);
            Operand<?> accDelta = c.slot(v, "accumulated_delta_var", 0f);
            Ops u = c.of(v);
            Op setG = u.assignVariableOp(accGrad, u.math.add(u.math.mul(rho, read(u, accGrad)),
                    u.math.mul(oneMinusRho, u.math.square(g))));
            Ops s = after(u, setG);
            Operand<TFloat32> oldDelta = read(s, accDelta);
            Operand<TFloat32> delta = s.math.neg(s.math.div(s.math.mul(s.math.sqrt(s.math.add(oldDelta, epsilon)), g),
                    s.math.sqrt(s.math.add(read(s, accGrad), epsilon))));
            Op setD = s.assignVariableOp(accDelta, s.math.add(s.math.mul(rho, oldDelta),
                    s.math.mul(oneMinusRho, s.math.square(delta))));
            applies.add(after(s, setD).assignAddVariableOp(v.handle(), s.math.mul(c.learningRate(), delta)));
        }
        return applies;
    }

    /**
     * Keras 3 FTRL. With {@code p = -learning_rate_power}: {@code n' = n + g^2};
     * {@code linear += g + 2 * shrinkage * w - (n'^p - n^p) / lr * w};
     * {@code w = (clip(linear, -l1, l1) - linear) / (n'^p / lr + 2 * (l2 + beta / (2 * lr)))}; {@code n = n'}.
     */
    static List<Op> ftrl(UpdateContext c, Ftrl o, List<ModelVariable> vars, List<Operand<TFloat32>> grads) {
        Ops a = c.root().withSubScope("ftrl");
        Operand<TFloat32> lr = c.learningRate();
        Operand<TFloat32> power = c(a, -o.learningRatePower());
        // Keras: l2 + beta / (2.0 * lr), then 2 * that in the quadratic term.
        Operand<TFloat32> l2 = a.math.add(c(a, o.l2RegularizationStrength()),
                a.math.div(c(a, o.beta()), a.math.mul(a.constant(2f), lr)));
        Operand<TFloat32> twoL2 = a.math.mul(a.constant(2f), l2);
        Operand<TFloat32> shrinkage = c(a, 2 * o.l2ShrinkageRegularizationStrength());
        Operand<TFloat32> l1 = c(a, o.l1RegularizationStrength());
        Operand<TFloat32> minusL1 = c(a, -o.l1RegularizationStrength());
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            ModelVariable v = vars.get(i);
            Operand<TFloat32> g = grads.get(i);
            Operand<?> accum = c.slot(v, "accumulator", (float) o.initialAccumulatorValue());
            Operand<?> linear = c.slot(v, "linear", 0f);
            Ops u = c.of(v);
            Operand<TFloat32> w = read(u, v.handle());
            Operand<TFloat32> oldAccum = read(u, accum);
            Operand<TFloat32> newAccum = u.math.add(oldAccum, u.math.square(g));
            Operand<TFloat32> newPow = u.math.pow(newAccum, power);
            Operand<TFloat32> gradToUse = u.math.add(g, u.math.mul(shrinkage, w));
            Op addLinear = u.assignAddVariableOp(linear, u.math.sub(gradToUse, u.math.mul(
                    u.math.div(u.math.sub(newPow, u.math.pow(oldAccum, power)), lr), w)));
            Ops s = after(u, addLinear);
            Operand<TFloat32> lin = read(s, linear);
            Operand<TFloat32> quadratic = s.math.add(s.math.div(newPow, lr), twoL2);
            Op setW = s.assignVariableOp(v.handle(), s.math.div(s.math.sub(s.clipByValue(lin, minusL1, l1), lin),
                    quadratic));
            applies.add(after(s, setW).assignVariableOp(accum, newAccum));
        }
        return applies;
    }
}
