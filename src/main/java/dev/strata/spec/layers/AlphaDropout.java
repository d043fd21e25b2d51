package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.RATE;
import static dev.strata.spec.layers.CommonFields.SEED;

import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/**
 * Keras {@code AlphaDropout}: in training, sets each input with probability {@code rate} to SELU's negative
 * saturation value {@code -alpha * scale}, then applies the affine map that keeps a standard normal input's mean
 * and variance; at inference it does not exist. Strata requires {@code rate < 1} (Keras 3 fails dividing by zero).
 */
public record AlphaDropout(String name, double rate, Long seed) implements Layer {

    /** SELU's constants, as Keras writes them. */
    public static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    public static final double SELU_SCALE = 1.0507009873554804934193349852946;

    public static final LayerType<AlphaDropout> TYPE = LayerType.of(AlphaDropout.class, "AlphaDropout",
                    "alpha_dropout", RATE, SEED)
            .fixedWritten("noise_shape", "alpha dropout masks shared across axes", null)
            .withoutBuildConfig()
            .passingMasks();

    public static AlphaDropout rate(double rate) {
        return TYPE.make(RATE, rate);
    }

    @Override
    public LayerType<AlphaDropout> type() {
        return TYPE;
    }

    public AlphaDropout name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public AlphaDropout withName(String name) {
        return name(name);
    }

    public AlphaDropout seed(long seed) {
        return TYPE.with(this, SEED, seed);
    }

    /** The value a dropped input takes before the affine map: {@code -alpha * scale}. */
    public static double alphaP() {
        return -SELU_ALPHA * SELU_SCALE;
    }

    /** Keras's {@code a = ((1 - rate) * (1 + rate * alpha_p^2))^-0.5}. */
    public double a() {
        return Math.pow((1 - rate) * (1 + rate * alphaP() * alphaP()), -0.5);
    }

    /** Keras's {@code b = -a * alpha_p * rate}. */
    public double b() {
        return -a() * alphaP() * rate;
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        return input;
    }
}
