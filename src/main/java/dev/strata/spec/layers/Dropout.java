package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.RATE;
import static dev.strata.spec.layers.CommonFields.SEED;

import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/**
 * Keras {@code Dropout}: in training, zeroes each input with probability {@code rate} and scales the rest
 * by {@code 1 / (1 - rate)}; at inference it does not exist. Keras accepts {@code rate = 1}, which zeroes
 * everything and divides by zero; Strata requires {@code rate < 1}.
 */
public record Dropout(String name, double rate, Long seed) implements Layer {

    public static final LayerType<Dropout> TYPE = LayerType.of(Dropout.class, "Dropout", "dropout", RATE, SEED)
            .fixedWritten("noise_shape", "dropout masks shared across axes (use SpatialDropout1D/2D)", null)
            .withoutBuildConfig()
            .passingMasks();

    public static Dropout rate(double rate) {
        return TYPE.make(RATE, rate);
    }

    @Override
    public LayerType<Dropout> type() {
        return TYPE;
    }

    public Dropout name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Dropout withName(String name) {
        return name(name);
    }

    public Dropout seed(long seed) {
        return TYPE.with(this, SEED, seed);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        return input;
    }
}
