package dev.strata.spec.layers;

import dev.strata.spec.Layer;

/**
 * What the three spatial dropout layers share: Keras's dropout with one mask value per (example, channel),
 * broadcast over the {@link #spatialRank()} spatial axes. Keras 3 writes {@code rate}, {@code seed}, {@code name},
 * {@code dtype} (and {@code data_format} for 2D and 3D) but no {@code trainable}; tf.keras 2 wrote Dropout's
 * config ({@code trainable}, {@code noise_shape}, which spatial dropout overrides, no {@code data_format}); Keras 1
 * wrote {@code p}.
 */
public interface SpatialDropout extends Layer {

    double rate();

    Long seed();

    /** Where the channel axis is; SpatialDropout1D's is always last. */
    DataFormat dataFormat();

    /** The number of spatial axes: 1, 2 or 3. */
    int spatialRank();

    /** Checks the input has the spatial axes and a channel axis, as Keras's {@code InputSpec(ndim)} does. */
    default void requireRank(dev.strata.spec.TensorShape input, String where) {
        Shapes.requireRank(input, spatialRank() + 1, where, kerasClassName());
    }
}
