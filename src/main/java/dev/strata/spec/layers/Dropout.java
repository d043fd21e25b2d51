package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.RATE;
import static dev.strata.spec.layers.CommonFields.SEED;

import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/**
 * Keras {@code Dropout}: in training, zeroes each input with probability {@code rate} and scales the rest
 * by {@code 1 / (1 - rate)}; at inference it does not exist. Keras accepts {@code rate = 1}, which zeroes
 * everything and divides by zero; Strata requires {@code rate < 1}. {@code noise_shape} (batch axis included,
 * null entries taking the input's size) shares one draw across the axes of size 1, as EfficientNet's drop-connect
 * {@code (None, 1, 1, 1)} drops whole examples.
 */
public record Dropout(String name, double rate, Long seed, IntTuple noiseShape) implements Layer {

    /** Held with -1 for a null entry. */
    public static final ConfigField<IntTuple> NOISE_SHAPE = ConfigField.dims("noise_shape").nullable();

    public static final LayerType<Dropout> TYPE = LayerType.of(Dropout.class, "Dropout", "dropout", RATE, SEED,
                    NOISE_SHAPE)
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

    /** One draw per slice: {@code noiseShape(-1, 1, 1, 1)} drops whole examples ({@code -1}: Keras's None). */
    public Dropout noiseShape(int... noiseShape) {
        return TYPE.with(this, NOISE_SHAPE, IntTuple.of(noiseShape));
    }

    /** The noise shape must broadcast to the input: one entry per axis, each null, 1 or that axis's size. */
    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        if (noiseShape == null) {
            return input;
        }
        if (noiseShape.size() != input.rank() + 1) {
            throw new InvalidSpecException(where, "noise_shape", "must have one entry per axis of the input, batch "
                    + "included (" + (input.rank() + 1) + "). Received: noise_shape=" + noiseShape);
        }
        for (int i = 1; i < noiseShape.size(); i++) {
            int d = noiseShape.get(i);
            if (d != -1 && d != 1 && d != input.dim(i - 1)) {
                throw new InvalidSpecException(where, "noise_shape", "entry " + i + " is " + d + " where the input "
                        + "has " + input.dim(i - 1) + "; each must be null, 1 or the input's size. Received input "
                        + "shape " + input);
            }
        }
        return input;
    }
}
