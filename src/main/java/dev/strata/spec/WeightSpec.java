package dev.strata.spec;

import java.util.Arrays;
import java.util.Objects;

/**
 * One weight a layer creates, declared as data: what it is (role), how it changes (kind), its shape and first
 * value, and the regularizer and constraint slots that apply to it. The compiler builds every penalty and every
 * state update from these declarations, so a regularizer can never be stored without being summed.
 *
 * @param name Keras weight name within the layer ({@code kernel}, {@code gamma}, {@code moving_mean})
 * @param role what the weight is, for model-wide penalty filters and reports
 * @param kind trainable (the optimizer updates it), frozen (the layer is not trainable) or state (the forward
 *     pass updates it in training, as BatchNormalization's moving statistics)
 * @param regularizer the penalty on this weight, or null for none
 * @param regularizerKey the Keras key of the slot the regularizer came from ({@code gamma_regularizer}); the
 *     penalty term is named {@code layer/regularizerKey}
 * @param constraint the projection applied after each update, or null
 */
public record WeightSpec(String name, Role role, Kind kind, int[] shape, Initializer initializer,
                         Regularizer regularizer, String regularizerKey, Constraint constraint) {

    /** What a weight is. */
    public enum Role {
        /** A kernel of any kind: dense, convolution, depthwise, pointwise; also PReLU's alpha. */
        KERNEL,
        BIAS,
        /** A normalization parameter: gamma, beta, and the moving statistics. */
        NORMALIZATION
    }

    /** How a weight changes. */
    public enum Kind {
        /** Updated by the optimizer. */
        TRAINABLE,
        /** A weight of a layer with {@code trainable=False}: never updated, never penalized. */
        FROZEN,
        /** Updated by the forward pass in training only (moving statistics); never by the optimizer. */
        STATE
    }

    public WeightSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(initializer, "initializer");
        shape = shape.clone();
        if (initializer instanceof Initializer.Orthogonal && shape.length < 2) {
            throw new InvalidSpecException("weight '" + name + "'", "initializer", "Orthogonal needs a weight of "
                    + "rank >= 2 (Keras refuses it too). Received shape " + java.util.Arrays.toString(shape));
        }
        if (kind != Kind.TRAINABLE) {
            regularizer = null; // Keras 3 penalizes trainable weights only
        }
    }

    /** A weight the optimizer updates when {@code trainable}, else a frozen one; no regularizer or constraint. */
    public static WeightSpec of(String name, Role role, int[] shape, Initializer initializer, boolean trainable) {
        return new WeightSpec(name, role, trainable ? Kind.TRAINABLE : Kind.FROZEN, shape, initializer, null, null,
                null);
    }

    /** A forward-pass state, as BatchNormalization's {@code moving_mean}. */
    public static WeightSpec state(String name, int[] shape, Initializer initializer) {
        return new WeightSpec(name, Role.NORMALIZATION, Kind.STATE, shape, initializer, null, null, null);
    }

    /** The same weight with the regularizer of the slot {@code key} (null: none). */
    public WeightSpec regularized(Regularizer r, String key) {
        return new WeightSpec(name, role, kind, shape, initializer, r, r == null ? null : key, constraint);
    }

    public WeightSpec constrained(Constraint c) {
        return new WeightSpec(name, role, kind, shape, initializer, regularizer, regularizerKey, c);
    }

    /** Updated by the optimizer. */
    public boolean trainable() {
        return kind == Kind.TRAINABLE;
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
        return o instanceof WeightSpec w && name.equals(w.name) && role == w.role && kind == w.kind
                && Arrays.equals(shape, w.shape) && initializer.equals(w.initializer)
                && Objects.equals(regularizer, w.regularizer) && Objects.equals(regularizerKey, w.regularizerKey)
                && Objects.equals(constraint, w.constraint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, role, kind, Arrays.hashCode(shape), initializer, regularizer, regularizerKey,
                constraint);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
