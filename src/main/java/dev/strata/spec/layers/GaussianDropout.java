package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.RATE;
import static dev.strata.spec.layers.CommonFields.SEED;

import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/**
 * Keras {@code GaussianDropout}: in training, multiplies each input by Gaussian noise of mean 1 and standard
 * deviation {@code sqrt(rate / (1 - rate))}; at inference it does not exist. Keras 3 accepts {@code rate = 1} and
 * then fails dividing by zero; Strata requires {@code rate < 1}. Keras 1 called the argument {@code p}.
 */
public record GaussianDropout(String name, double rate, Long seed) implements Layer {

    public static final LayerType<GaussianDropout> TYPE = LayerType.of(GaussianDropout.class, "GaussianDropout",
            "gaussian_dropout", RATE, SEED).withoutBuildConfig()
            .passingMasks();

    public static GaussianDropout rate(double rate) {
        return TYPE.make(RATE, rate);
    }

    @Override
    public LayerType<GaussianDropout> type() {
        return TYPE;
    }

    public GaussianDropout name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public GaussianDropout withName(String name) {
        return name(name);
    }

    public GaussianDropout seed(long seed) {
        return TYPE.with(this, SEED, seed);
    }

    /** The standard deviation of the multiplicative noise. */
    public double noiseStddev() {
        return Math.sqrt(rate / (1.0 - rate));
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        return input;
    }
}
