package dev.strata.spec;

import java.util.Map;

/** Static factories that read like Keras: {@code kernelRegularizer(l2(0.01))}. */
public final class Regularizers {
    private Regularizers() {
    }

    public static L1 l1() {
        return new L1(L1.DEFAULT);
    }

    public static L1 l1(double l1) {
        return new L1(l1);
    }

    public static L2 l2() {
        return new L2(L2.DEFAULT);
    }

    public static L2 l2(double l2) {
        return new L2(l2);
    }

    public static L1L2 l1l2(double l1, double l2) {
        return new L1L2(l1, l2);
    }

    public static OrthogonalRegularizer orthogonal(double factor, OrthogonalRegularizer.Mode mode) {
        return new OrthogonalRegularizer(factor, mode);
    }

    public static OrthogonalRegularizer orthogonal() {
        return new OrthogonalRegularizer(OrthogonalRegularizer.DEFAULT_FACTOR, OrthogonalRegularizer.Mode.ROWS);
    }

    public static CustomRegularizer custom(String registeredName, Map<String, Double> config) {
        return new CustomRegularizer(registeredName, config);
    }

    /**
     * The Keras string shorthands: {@code "l1"}, {@code "l2"} (factor 0.01), {@code "l1_l2"} (0.01 and 0.01,
     * as tf.keras and the Keras 3 docstring say; Keras 3 itself rejects it), {@code "orthogonal_regularizer"},
     * and {@code "l1l2"} / {@code "L1L2"}, which Keras 3 maps to a zero penalty: callers should warn.
     */
    public static Regularizer fromString(String name) {
        switch (name) {
            case "l1", "L1":
                return l1();
            case "l2", "L2":
                return l2();
            case "l1_l2":
                return new L1L2(0.01, 0.01);
            case "l1l2", "L1L2":
                return new L1L2(0, 0);
            case "orthogonal_regularizer", "OrthogonalRegularizer":
                return orthogonal();
            default:
                if (CustomRegularizer.isRegistered(name)) {
                    return new CustomRegularizer(name, Map.of());
                }
                throw new SpecException("unknown regularizer '" + name
                        + "'; known: l1, l2, l1_l2, l1l2, orthogonal_regularizer or a registered custom name");
        }
    }
}
