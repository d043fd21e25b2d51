package dev.strata.spec.layers;

import dev.strata.spec.ConfigField;
import dev.strata.spec.Layer;
import dev.strata.spec.TensorShape;

/**
 * What the global pooling layers ({@code GlobalAveragePooling1D} to {@code 3D}, {@code GlobalMaxPooling1D} to
 * {@code 3D}) share: the mean or maximum over every spatial axis, one value per channel, the spatial axes kept as
 * ones with {@code keepdims}.
 */
public interface GlobalPooling extends Layer {

    ConfigField<Boolean> KEEPDIMS = ConfigField.bool("keepdims").defaultsTo(false);

    DataFormat dataFormat();

    boolean keepdims();

    /** How many spatial axes the layer pools over: 1, 2 or 3. */
    int spatialRank();

    @Override
    default TensorShape outputShape(TensorShape input, String where) {
        int rank = spatialRank();
        SpatialAxes.requireRank(input, rank, where, kerasClassName());
        int channels = input.dim(Shapes.channelAxis(input, dataFormat()));
        if (!keepdims()) {
            return TensorShape.of(channels);
        }
        int[] ones = new int[rank];
        java.util.Arrays.fill(ones, 1);
        return Shapes.withSpatial(dataFormat(), ones, channels);
    }
}
