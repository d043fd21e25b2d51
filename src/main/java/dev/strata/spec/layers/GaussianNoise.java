package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.SEED;

import dev.strata.spec.ConfigField;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/**
 * Keras {@code GaussianNoise}: in training, adds zero-mean Gaussian noise of standard deviation {@code stddev};
 * at inference it does not exist. Keras 3 accepts {@code stddev} in [0, 1] only, and so does Strata, so every
 * spec it writes loads in Keras 3; Keras 1 called the argument {@code sigma}.
 */
public record GaussianNoise(String name, double stddev, Long seed) implements Layer {

    public static final ConfigField<Double> STDDEV = ConfigField.number("stddev").required()
            .range(0, false, 1, false).alias("sigma");

    public static final LayerType<GaussianNoise> TYPE = LayerType.of(GaussianNoise.class, "GaussianNoise",
            "gaussian_noise", STDDEV, SEED).withoutBuildConfig()
            .passingMasks();

    public static GaussianNoise stddev(double stddev) {
        return TYPE.make(STDDEV, stddev);
    }

    @Override
    public LayerType<GaussianNoise> type() {
        return TYPE;
    }

    public GaussianNoise name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public GaussianNoise withName(String name) {
        return name(name);
    }

    public GaussianNoise seed(long seed) {
        return TYPE.with(this, SEED, seed);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        return input;
    }
}
