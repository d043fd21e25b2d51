package dev.strata.spec;

import java.util.Locale;

/** Element-wise activations, with the names Keras writes in JSON. */
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
    LOG_SOFTMAX("log_softmax");

    private final String kerasName;

    Activation(String kerasName) {
        this.kerasName = kerasName;
    }

    public String kerasName() {
        return kerasName;
    }

    /**
     * Looks up a Keras activation name; {@code swish} is Keras's alias of {@code silu}, and {@code null}
     * or an empty name mean linear as in Keras.
     */
    public static Activation fromKerasName(String name) {
        if (name == null || name.isEmpty()) {
            return LINEAR;
        }
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals("swish")) {
            return SILU;
        }
        for (Activation a : values()) {
            if (a.kerasName.equals(key)) {
                return a;
            }
        }
        throw new SpecException("unknown activation '" + name + "'; known: " + knownNames());
    }

    static String knownNames() {
        StringBuilder sb = new StringBuilder();
        for (Activation a : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(a.kerasName);
        }
        return sb.append(", swish").toString();
    }
}
