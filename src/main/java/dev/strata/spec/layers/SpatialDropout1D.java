package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.RATE;
import static dev.strata.spec.layers.CommonFields.SEED;

import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/**
 * Keras {@code SpatialDropout1D}: in training, drops whole channels of {@code (batch, steps, channels)} inputs, one
 * draw per (example, channel) shared by every step, scaling kept ones by {@code 1 / (1 - rate)}; at inference it
 * does not exist. Keras has no {@code data_format} for it: channels are last. See {@link SpatialDropout}.
 */
public record SpatialDropout1D(String name, double rate, Long seed) implements SpatialDropout {

    public static final LayerType<SpatialDropout1D> TYPE = LayerType.of(SpatialDropout1D.class, "SpatialDropout1D",
                    "spatial_dropout1d", RATE, SEED)
            .ignores("noise_shape", "tf.keras 2 wrote Dropout's noise_shape; spatial dropout overrides it")
            .withoutBuildConfig().withoutTrainableKeyInKeras3();

    public static SpatialDropout1D rate(double rate) {
        return TYPE.make(RATE, rate);
    }

    @Override
    public LayerType<SpatialDropout1D> type() {
        return TYPE;
    }

    public SpatialDropout1D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public SpatialDropout1D withName(String name) {
        return name(name);
    }

    public SpatialDropout1D seed(long seed) {
        return TYPE.with(this, SEED, seed);
    }

    @Override
    public DataFormat dataFormat() {
        return DataFormat.CHANNELS_LAST;
    }

    @Override
    public int spatialRank() {
        return 1;
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        requireRank(input, where);
        return input;
    }
}
