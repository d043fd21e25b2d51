package dev.strata.spec.layers;

import dev.strata.spec.Constraint;
import dev.strata.spec.Initializer;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.Regularizer;
import dev.strata.spec.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/** The kernel-and-bias weight pair most layers declare, with their regularizer and constraint slots. */
final class WeightSlots {
    private WeightSlots() {
    }

    static List<WeightSpec> kernelAndBias(int[] kernelShape, int biasSize, Layer layer, Initializer kernelInit,
                                          Regularizer kernelReg, Constraint kernelConstraint, boolean useBias,
                                          Initializer biasInit, Regularizer biasReg, Constraint biasConstraint) {
        List<WeightSpec> weights = new ArrayList<>(2);
        weights.add(kernel("kernel", kernelShape, layer, kernelInit, kernelReg, "kernel_regularizer", kernelConstraint));
        if (useBias) {
            weights.add(bias(biasSize, layer, biasInit, biasReg, biasConstraint));
        }
        return weights;
    }

    static WeightSpec kernel(String name, int[] shape, Layer layer, Initializer init, Regularizer reg, String regKey,
                             Constraint constraint) {
        return WeightSpec.of(name, WeightSpec.Role.KERNEL, shape, init, layer.trainable()).regularized(reg, regKey)
                .constrained(constraint);
    }

    static WeightSpec bias(int size, Layer layer, Initializer init, Regularizer reg, Constraint constraint) {
        return WeightSpec.of("bias", WeightSpec.Role.BIAS, new int[] {size}, init, layer.trainable())
                .regularized(reg, "bias_regularizer").constrained(constraint);
    }

    /** A bias regularizer or constraint without a bias is a setting that would silently do nothing. */
    static void checkBias(String where, boolean useBias, Regularizer biasRegularizer, Constraint biasConstraint) {
        if (!useBias && biasRegularizer != null) {
            throw new InvalidSpecException(where, "bias_regularizer",
                    "is set but use_bias=False, so there is no bias to regularize");
        }
        if (!useBias && biasConstraint != null) {
            throw new InvalidSpecException(where, "bias_constraint",
                    "is set but use_bias=False, so there is no bias to constrain");
        }
    }
}
