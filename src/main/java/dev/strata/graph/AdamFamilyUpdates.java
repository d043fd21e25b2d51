package dev.strata.graph;

import static dev.strata.graph.UpdateContext.after;
import static dev.strata.graph.UpdateContext.c;
import static dev.strata.graph.UpdateContext.read;

import dev.strata.spec.Adamax;
import dev.strata.spec.Lamb;
import dev.strata.spec.Nadam;
import dev.strata.spec.Optimizer;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.train.ResourceApplyAdagrad;
import org.tensorflow.types.TFloat32;

/**
 * Keras 3's Adam, Adamax, Nadam and Lamb updates in Keras's float32 order. TensorFlow's fused Adam kernel given
 * Adam's own betas computes {@code 1 - beta} in float32 (about 7e-6 relative per step off Keras), so it runs that
 * way only when asked ({@code CompileOptions.fusedAdam}); Keras-exact Adam uses fused kernels with other arguments
 * (see {@link #moments}).
 */
final class AdamFamilyUpdates {
    private AdamFamilyUpdates() {
    }

    static List<Op> adam(UpdateContext c, Optimizer.Adam adam, List<ModelVariable> vars, List<Operand<TFloat32>> grads,
                         boolean fused) {
        Ops a = c.root().withSubScope("adam");
        Operand<TFloat32> beta1Power = a.math.pow(c(a, adam.beta1()), c.localStep());
        Operand<TFloat32> beta2Power = a.math.pow(c(a, adam.beta2()), c.localStep());
        Operand<TFloat32> one = a.constant(1f);
        // Keras 3: alpha = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t), in float32.
        Operand<TFloat32> alpha = a.math.div(a.math.mul(c.learningRate(), a.math.sqrt(a.math.sub(one, beta2Power))),
                a.math.sub(one, beta1Power));
        // Keras computes 1 - beta in double before the float32 cast (the fused kernel does it in float32).
        Operand<TFloat32> negOneMinusBeta1 = a.constant(-(float) (1 - adam.beta1()));
        Operand<TFloat32> negOneMinusBeta2 = a.constant(-(float) (1 - adam.beta2()));
        Operand<TFloat32> epsilon = c(a, adam.epsilon());
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            ModelVariable v = vars.get(i);
            Operand<TFloat32> g = grads.get(i);
            Operand<?> mHandle = c.slot(v, "m", 0f);
            Operand<?> vHandle = c.slot(v, "v", 0f);
            Ops u = c.of(v);
            if (fused && !adam.amsgrad()) {
                applies.add(u.train.resourceApplyAdam(v.handle(), mHandle, vHandle, beta1Power, beta2Power,
                        c.learningRate(), c(a, adam.beta1()), c(a, adam.beta2()), epsilon, g));
                continue;
            }
            List<Op> moments = moments(u, mHandle, vHandle, g, negOneMinusBeta1, negOneMinusBeta2);
            Ops after = u.withControlDependencies(moments);
            Operand<?> second = vHandle;
            if (adam.amsgrad()) {
                // Keras: v_hat.assign(maximum(v_hat, v)); the step divides by v_hat.
                Operand<?> hat = c.slot(v, "velocity_hat", 0f);
                Op max = after.assignVariableOp(hat, after.math.maximum(read(after, hat), read(after, vHandle)));
                after = after(after, max);
                second = hat;
            }
            applies.add(step(after, v.handle(), mHandle, second, alpha, epsilon));
        }
        return applies;
    }

    /*
     * Keras 3's Adam step is m.assign_add((g - m) * (1 - beta_1)); v.assign_add((g^2 - v) * (1 - beta_2));
     * variable.assign_sub(m * alpha / (sqrt(v) + epsilon)). Written op by op that is 11 kernels over each weight;
     * the two methods below take 6, using TensorFlow's fused kernels with arguments that make them compute exactly
     * Keras's floats (bit for bit, AdamKernelsTest):
     * - m - (g - m) * (-c) is m + (g - m) * c exactly (negation is exact), so each moment is a gradient descent
     *   step on its slot with learning rate -c, where c is Keras's float32(1 - beta) taken in double;
     * - Adagrad's kernel with update_slots off computes var -= (grad * lr) / (sqrt(accum) + epsilon) and leaves
     *   the accumulator alone: with grad = m, lr = alpha and accum = v it is Keras's weight step.
     * The fused Adam kernel cannot do the moments: it takes 1 - beta in float32, and no float beta near 0.9 or
     * 0.999 gives float32(0.1) or float32(0.001) that way (1 - beta is then a multiple of 2^-24).
     */

    /** Keras's moment updates of one weight, in place: {@code m += (g - m) * c1}, {@code v += (g^2 - v) * c2}. */
    static List<Op> moments(Ops u, Operand<?> m, Operand<?> v, Operand<TFloat32> g, Operand<TFloat32> negC1,
                            Operand<TFloat32> negC2) {
        Op addM = u.train.resourceApplyGradientDescent(m, negC1, u.math.sub(g, read(u, m)));
        Op addV = u.train.resourceApplyGradientDescent(v, negC2, u.math.sub(u.math.square(g), read(u, v)));
        return List.of(addM, addV);
    }

    /** Keras's {@code var -= (m * alpha) / (sqrt(second) + epsilon)} on the updated moments. */
    static Op step(Ops after, Operand<?> var, Operand<?> m, Operand<?> second, Operand<TFloat32> alpha,
                   Operand<TFloat32> epsilon) {
        return after.train.resourceApplyAdagrad(var, second, alpha, epsilon, read(after, m),
                ResourceApplyAdagrad.updateSlots(false));
    }

    /** Keras: {@code w -= lr * m / ((1 - beta_1^t) * (u + eps))} with {@code u = max(beta_2 * u, |g|)}. */
    static List<Op> adamax(UpdateContext c, Adamax o, List<ModelVariable> vars, List<Operand<TFloat32>> grads) {
        Ops a = c.root().withSubScope("adamax");
        Operand<TFloat32> oneMinusPower = a.math.sub(a.constant(1f), a.math.pow(c(a, o.beta1()), c.localStep()));
        Operand<TFloat32> oneMinusBeta1 = c(a, 1 - o.beta1());
        Operand<TFloat32> beta2 = c(a, o.beta2());
        Operand<TFloat32> epsilon = c(a, o.epsilon());
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            ModelVariable v = vars.get(i);
            Operand<TFloat32> g = grads.get(i);
            Operand<?> m = c.slot(v, "momentum", 0f);
            Operand<?> norm = c.slot(v, "norm", 0f);
            Ops u = c.of(v);
            Op addM = u.assignAddVariableOp(m, u.math.mul(u.math.sub(g, read(u, m)), oneMinusBeta1));
            Op setU = u.assignVariableOp(norm, u.math.maximum(u.math.mul(beta2, read(u, norm)), u.math.abs(g)));
            Ops after = after(u, addM, setU);
            applies.add(after.assignSubVariableOp(v.handle(), after.math.div(
                    after.math.mul(c.learningRate(), read(after, m)),
                    after.math.mul(oneMinusPower, after.math.add(read(after, norm), epsilon)))));
        }
        return applies;
    }

    /**
     * Keras 3 Nadam. Before the weights, once per step, {@code u_product *= beta_1 * (1 - 0.5 * 0.96^t)}; each
     * weight then uses {@code u_t}, {@code u_{t+1}} and the updated product. Here {@code beta_1} and
     * {@code beta_2} are cast tensors in Keras, so {@code 1 - beta} is computed in float32.
     */
    static List<Op> nadam(UpdateContext c, Nadam o, List<ModelVariable> vars, List<Operand<TFloat32>> grads) {
        Ops a = c.root().withSubScope("nadam");
        Operand<TFloat32> one = a.constant(1f);
        Operand<TFloat32> half = a.constant(0.5f);
        Operand<TFloat32> decay = a.constant(0.96f);
        Operand<TFloat32> beta1 = c(a, o.beta1());
        Operand<TFloat32> beta2 = c(a, o.beta2());
        Operand<TFloat32> t = c.localStep();
        Operand<TFloat32> next = a.math.add(t, one);
        Operand<TFloat32> ut = a.math.mul(beta1, a.math.sub(one, a.math.mul(half, a.math.pow(decay, t))));
        Operand<TFloat32> ut1 = a.math.mul(beta1, a.math.sub(one, a.math.mul(half, a.math.pow(decay, next))));
        Operand<?> product = c.scalarSlot("u_product", 1f);
        Ops p = c.root().withControlDependencies(c.deps());
        // Keras: u_product * beta_1 * (1.0 - 0.5 * 0.96^t), left to right.
        Op updateProduct = p.withName("u_product_update").assignVariableOp(product,
                p.math.mul(p.math.mul(read(p, product), beta1), p.math.sub(one, p.math.mul(half, p.math.pow(decay, t)))));
        Operand<TFloat32> oneMinusBeta1 = a.math.sub(one, beta1);
        Operand<TFloat32> oneMinusBeta2 = a.math.sub(one, beta2);
        Operand<TFloat32> oneMinusBeta2Power = a.math.sub(one, a.math.pow(beta2, t));
        Operand<TFloat32> oneMinusUt = a.math.sub(one, ut);
        Operand<TFloat32> epsilon = c(a, o.epsilon());
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            ModelVariable v = vars.get(i);
            Operand<TFloat32> g = grads.get(i);
            Operand<?> m = c.slot(v, "momentum", 0f);
            Operand<?> vel = c.slot(v, "velocity", 0f);
            Ops u = after(c.of(v), updateProduct);
            Operand<TFloat32> productT = read(u, product);
            Operand<TFloat32> productT1 = u.math.mul(productT, ut1);
            Op addM = u.assignAddVariableOp(m, u.math.mul(u.math.sub(g, read(u, m)), oneMinusBeta1));
            Op addV = u.assignAddVariableOp(vel, u.math.mul(u.math.sub(u.math.square(g), read(u, vel)),
                    oneMinusBeta2));
            Ops s = after(u, addM, addV);
            // m_hat = u_{t+1} * m / (1 - prod_{t+1}) + (1 - u_t) * g / (1 - prod_t); v_hat = v / (1 - beta_2^t)
            Operand<TFloat32> mHat = s.math.add(
                    s.math.div(s.math.mul(ut1, read(s, m)), s.math.sub(one, productT1)),
                    s.math.div(s.math.mul(oneMinusUt, g), s.math.sub(one, productT)));
            Operand<TFloat32> vHat = s.math.div(read(s, vel), oneMinusBeta2Power);
            applies.add(s.assignSubVariableOp(v.handle(), s.math.div(s.math.mul(mHat, c.learningRate()),
                    s.math.add(s.math.sqrt(vHat), epsilon))));
        }
        return applies;
    }

    /** Keras 3 Lamb: Adam's bias-corrected step times the trust ratio {@code ||w|| / ||step||}. */
    static List<Op> lamb(UpdateContext c, Lamb o, List<ModelVariable> vars, List<Operand<TFloat32>> grads) {
        Ops a = c.root().withSubScope("lamb");
        Operand<TFloat32> one = a.constant(1f);
        Operand<TFloat32> oneMinusPower1 = a.math.sub(one, a.math.pow(c(a, o.beta1()), c.localStep()));
        Operand<TFloat32> oneMinusPower2 = a.math.sub(one, a.math.pow(c(a, o.beta2()), c.localStep()));
        Operand<TFloat32> oneMinusBeta1 = c(a, 1 - o.beta1());
        Operand<TFloat32> oneMinusBeta2 = c(a, 1 - o.beta2());
        Operand<TFloat32> epsilon = c(a, o.epsilon());
        Operand<TFloat32> two = a.constant(2f);
        Operand<TFloat32> zero = a.constant(0f);
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            ModelVariable v = vars.get(i);
            Operand<TFloat32> g = grads.get(i);
            Operand<?> m = c.slot(v, "momentum", 0f);
            Operand<?> vel = c.slot(v, "velocity", 0f);
            Ops u = c.of(v);
            Op addM = u.assignAddVariableOp(m, u.math.mul(u.math.sub(g, read(u, m)), oneMinusBeta1));
            Op addV = u.assignAddVariableOp(vel, u.math.mul(u.math.sub(u.math.square(g), read(u, vel)),
                    oneMinusBeta2));
            Ops s = after(u, addM, addV);
            Operand<TFloat32> step = s.math.div(s.math.div(read(s, m), oneMinusPower1),
                    s.math.add(s.math.sqrt(s.math.div(read(s, vel), oneMinusPower2)), epsilon));
            // The weight as it is now (after any weight decay), not the forward pass's read.
            Operand<TFloat32> w = read(s, v.handle());
            Operand<TFloat32> wNorm = s.math.sqrt(s.reduceSum(s.math.pow(w, two), GradientClipping.allAxes(s, v)));
            Operand<TFloat32> gNorm = s.math.sqrt(s.reduceSum(s.math.pow(step, two), GradientClipping.allAxes(s, v)));
            Operand<TFloat32> ratio = s.select(s.math.greater(wNorm, zero),
                    s.select(s.math.greater(gNorm, zero), s.math.div(wNorm, gNorm), one), one);
            applies.add(s.assignSubVariableOp(v.handle(), s.math.mul(s.math.mul(ratio, c.learningRate()), step)));
        }
        return applies;
    }
}
