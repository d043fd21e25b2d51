package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;

import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.LayerType;

/**
 * Keras {@code AveragePooling1D} (also read as {@code AvgPool1D}): the mean of each window, per channel.
 * With same padding, a window that overhangs the input averages the inputs it covers only (the padding
 * is not counted), as TensorFlow does. There is no default window, as in Keras 3.
 * Keras 1 wrote {@code pool_length}, {@code stride} and {@code border_mode}.
 */
public record AveragePooling1D(String name, IntTuple poolSize, Padding padding, IntTuple strides,
                               DataFormat dataFormat) implements Pooling {

    public static final ConfigField<IntTuple> POOL_SIZE = SpatialAxes.poolSize(1, null);
    public static final ConfigField<IntTuple> STRIDES = SpatialAxes.strides(1);

    public static final LayerType<AveragePooling1D> TYPE = LayerType.of(AveragePooling1D.class, "AveragePooling1D",
            "average_pooling1d", POOL_SIZE, PADDING, STRIDES, DATA_FORMAT).alsoReads("AvgPool1D").withoutBuildConfig();

    /** Keras's {@code strides=None}: the window's own size, stored as Keras 3 stores and writes it. */
    public AveragePooling1D {
        strides = strides == null ? poolSize : strides;
    }

    /** A window of the given size (one int: the same along every axis), stepping by its own size. */
    public static AveragePooling1D poolSize(int... size) {
        return TYPE.make(POOL_SIZE, SpatialAxes.tuple(size, 1));
    }

    @Override
    public LayerType<AveragePooling1D> type() {
        return TYPE;
    }

    public AveragePooling1D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public AveragePooling1D withName(String name) {
        return name(name);
    }

    /** The window step (one int: the same along every axis). */
    public AveragePooling1D strides(int... strides) {
        return TYPE.with(this, STRIDES, SpatialAxes.tuple(strides, 1));
    }

    public AveragePooling1D padding(Padding padding) {
        return TYPE.with(this, PADDING, padding);
    }

    public AveragePooling1D dataFormat(DataFormat format) {
        return TYPE.with(this, DATA_FORMAT, format);
    }
}
