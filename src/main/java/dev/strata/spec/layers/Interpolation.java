package dev.strata.spec.layers;

import dev.strata.spec.KerasEnum;

/**
 * How {@code UpSampling2D} fills new pixels: {@code nearest} repeats each pixel; {@code bilinear} interpolates with
 * half-pixel centers, as Keras 3's TensorFlow backend ({@code tf.image.resize}, no antialiasing). Keras's other
 * resize methods (bicubic, area, lanczos) are not supported.
 */
public enum Interpolation implements KerasEnum {
    NEAREST("nearest"),
    BILINEAR("bilinear");

    private final String kerasName;

    Interpolation(String kerasName) {
        this.kerasName = kerasName;
    }

    @Override
    public String kerasName() {
        return kerasName;
    }
}
