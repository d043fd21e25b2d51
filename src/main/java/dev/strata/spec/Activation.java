package dev.strata.spec;

import java.util.Locale;
import java.util.Map;

/**
 * Element-wise activations, with the names Keras writes in JSON: every name Keras 3 accepts as a string except
 * {@code glu}, {@code sparsemax} and {@code threshold}, which {@link #fromKerasName} refuses with the reason.
 */
public enum Activation {
    LINEAR("linear"),
    RELU("relu"),
    SIGMOID("sigmoid"),
    TANH("tanh"),
    SOFTMAX("softmax"),
    ELU("elu"),
    SELU("selu"),
    SOFTPLUS("softplus"),
    SOFTSIGN("softsign"),
    SILU("silu"),
    RELU6("relu6"),
    HARD_SIGMOID("hard_sigmoid"),
    EXPONENTIAL("exponential"),
    LOG_SOFTMAX("log_softmax"),
    /** Slope 0.2, Keras's {@code leaky_relu} default (the LeakyReLU layer's is 0.3). */
    LEAKY_RELU("leaky_relu"),
    CELU("celu"),
    /** {@code (x + sqrt(x^2 + 4)) / 2}. */
    SQUAREPLUS("squareplus"),
    /** Threshold 0.5. */
    SOFT_SHRINK("soft_shrink"),
    SPARSE_PLUS("sparse_plus"),
    /** The exact (erf) form, Keras's default. */
    GELU("gelu"),
    TANH_SHRINK("tanh_shrink"),
    SPARSE_SIGMOID("sparse_sigmoid"),
    HARD_SILU("hard_silu"),
    HARD_TANH("hard_tanh"),
    /** Threshold 0.5. */
    HARD_SHRINK("hard_shrink"),
    MISH("mish"),
    LOG_SIGMOID("log_sigmoid"),
    /**
     * {@code clip(0.2 * x + 0.5, 0, 1)}: what Keras 1, tf.keras 2 and TF.js mean by {@code hard_sigmoid} (Keras 3's
     * is {@code relu6(x + 3) / 6}). The JSON reader gives it to {@code hard_sigmoid} in files of those versions, so
     * their weights keep their meaning; it is written only to them.
     */
    HARD_SIGMOID_KERAS2("hard_sigmoid");

    /** Other names Keras 3 reads for the same function. */
    private static final Map<String, Activation> ALIASES = Map.of("swish", SILU, "hard_swish", HARD_SILU);

    /** Names Keras 3 accepts that Strata refuses, with the reason. */
    private static final Map<String, String> REFUSED = Map.of(
            "glu", "glu halves the last axis, but Keras's layers report their output shape without it (a layer "
                    + "after it fails in Keras too), so Strata does not support it",
            "sparsemax", "Keras 3.15's sparsemax computes a wrong threshold when more than one logit is in the "
                    + "support (keras-team/keras#23425, fixed later), so its output depends on the Keras version; "
                    + "Strata does not support it",
            "threshold", "threshold needs its threshold and default_value arguments, which a name cannot carry "
                    + "(Keras fails on it too); use the ReLU layer's threshold or ThresholdedReLU");

    private final String kerasName;

    Activation(String kerasName) {
        this.kerasName = kerasName;
    }

    public String kerasName() {
        return kerasName;
    }

    /**
     * Looks up a Keras activation name; {@code swish} and {@code hard_swish} are Keras's aliases of {@code silu}
     * and {@code hard_silu}, and {@code null} or an empty name mean linear as in Keras.
     */
    public static Activation fromKerasName(String name) {
        if (name == null || name.isEmpty()) {
            return LINEAR;
        }
        String key = name.toLowerCase(Locale.ROOT);
        Activation alias = ALIASES.get(key);
        if (alias != null) {
            return alias;
        }
        for (Activation a : values()) {
            if (a != HARD_SIGMOID_KERAS2 && a.kerasName.equals(key)) {
                return a;
            }
        }
        String refused = REFUSED.get(key);
        if (refused != null) {
            throw new SpecException("activation '" + name + "' is not supported: " + refused);
        }
        throw new SpecException("unknown activation '" + name + "'; known: " + knownNames());
    }

    static String knownNames() {
        StringBuilder sb = new StringBuilder();
        for (Activation a : values()) {
            if (a == HARD_SIGMOID_KERAS2) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(a.kerasName);
        }
        return sb.append(", swish, hard_swish").toString();
    }
}
