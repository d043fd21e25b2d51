package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;
import static dev.strata.spec.layers.CommonFields.RATE;
import static dev.strata.spec.layers.CommonFields.SEED;

import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/**
 * Keras {@code SpatialDropout3D}: in training, drops whole 3D feature maps of rank-5 inputs, one draw per
 * (example, channel) shared by every position, scaling kept ones by {@code 1 / (1 - rate)}; at inference it does
 * not exist. See {@link SpatialDropout}.
 */
public record SpatialDropout3D(String name, double rate, Long seed, DataFormat dataFormat)
        implements SpatialDropout {

    public static final LayerType<SpatialDropout3D> TYPE = LayerType.of(SpatialDropout3D.class, "SpatialDropout3D",
                    "spatial_dropout3d", RATE, SEED, DATA_FORMAT)
            .ignores("noise_shape", "tf.keras 2 wrote Dropout's noise_shape; spatial dropout overrides it")
            .withoutBuildConfig().withoutTrainableKeyInKeras3();

    public static SpatialDropout3D rate(double rate) {
        return TYPE.make(RATE, rate);
    }

    @Override
    public LayerType<SpatialDropout3D> type() {
        return TYPE;
    }

    public SpatialDropout3D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public SpatialDropout3D withName(String name) {
        return name(name);
    }

    public SpatialDropout3D seed(long seed) {
        return TYPE.with(this, SEED, seed);
    }

    public SpatialDropout3D dataFormat(DataFormat format) {
        return TYPE.with(this, DATA_FORMAT, format);
    }

    @Override
    public int spatialRank() {
        return 3;
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        requireRank(input, where);
        return input;
    }
}
