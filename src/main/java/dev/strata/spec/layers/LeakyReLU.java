package dev.strata.spec.layers;

import dev.strata.spec.Activation;
import dev.strata.spec.ConfigField;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/**
 * Keras {@code LeakyReLU}: {@code x} for positive inputs, {@code negative_slope * x} otherwise. Keras 3's default
 * slope is 0.3 (the {@code leaky_relu} activation's is 0.2); Keras 1 and 2 wrote the slope as {@code alpha}.
 */
public record LeakyReLU(String name, double negativeSlope) implements Layer {

    public static final ConfigField<Double> NEGATIVE_SLOPE = ConfigField.number("negative_slope").defaultsTo(0.3)
            .atLeast(0).alias("alpha").keras2Key("alpha");

    public static final LayerType<LeakyReLU> TYPE = LayerType.of(LeakyReLU.class, "LeakyReLU", "leaky_re_lu",
            NEGATIVE_SLOPE).withoutBuildConfig()
            .passingMasks();

    public static LeakyReLU create() {
        return TYPE.defaults();
    }

    public static LeakyReLU negativeSlopeOf(double negativeSlope) {
        return TYPE.make(NEGATIVE_SLOPE, negativeSlope);
    }

    @Override
    public LayerType<LeakyReLU> type() {
        return TYPE;
    }

    public LeakyReLU name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public LeakyReLU withName(String name) {
        return name(name);
    }

    public LeakyReLU negativeSlope(double negativeSlope) {
        return TYPE.with(this, NEGATIVE_SLOPE, negativeSlope);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        return input;
    }

    @Override
    public Activation appliedActivation() {
        return Activation.LINEAR;
    }
}
