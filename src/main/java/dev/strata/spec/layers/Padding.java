package dev.strata.spec.layers;

import dev.strata.spec.KerasEnum;

/**
 * Convolution and pooling padding. {@code same} pads so that the output has {@code ceil(n / stride)} positions,
 * the extra pixel going after (TensorFlow's rule, which Keras uses); {@code causal} (1D convolutions only) pads
 * before, so that output {@code t} sees inputs up to {@code t}.
 */
public enum Padding implements KerasEnum {
    VALID("valid"),
    SAME("same"),
    CAUSAL("causal");

    private final String kerasName;

    Padding(String kerasName) {
        this.kerasName = kerasName;
    }

    @Override
    public String kerasName() {
        return kerasName;
    }
}
