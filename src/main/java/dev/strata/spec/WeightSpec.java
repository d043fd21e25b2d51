package dev.strata.spec;

import java.util.Arrays;

/**
 * One weight a layer creates, with its own initializer and regularizer: the compiler builds every penalty
 * from this list, so a regularizer can never be stored without being summed.
 *
 * @param name Keras weight name within the layer ({@code kernel}, {@code bias})
 * @param role what the weight is, for penalty filters and reports
 * @param regularizer the penalty on this weight, or null for none
 */
public record WeightSpec(String name, Role role, int[] shape, Initializer initializer, Regularizer regularizer,
                         boolean trainable) {

    public enum Role {
        KERNEL, BIAS, NORMALIZATION
    }

    public WeightSpec {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    public long size() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightSpec w && name.equals(w.name) && role == w.role && Arrays.equals(shape, w.shape)
                && initializer.equals(w.initializer) && java.util.Objects.equals(regularizer, w.regularizer)
                && trainable == w.trainable;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, role, Arrays.hashCode(shape), initializer, regularizer, trainable);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
