package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;

import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.LayerType;

/**
 * Keras {@code AveragePooling2D} (also read as {@code AvgPool2D}): the mean of each 2D window, per channel.
 * With same padding, a window that overhangs the input averages the inputs it covers only (the padding
 * is not counted), as TensorFlow does. There is no default window, as in Keras 3.
 */
public record AveragePooling2D(String name, IntTuple poolSize, Padding padding, IntTuple strides,
                               DataFormat dataFormat) implements Pooling {

    public static final ConfigField<IntTuple> POOL_SIZE = SpatialAxes.poolSize(2, null);
    public static final ConfigField<IntTuple> STRIDES = SpatialAxes.strides(2);

    public static final LayerType<AveragePooling2D> TYPE = LayerType.of(AveragePooling2D.class, "AveragePooling2D",
            "average_pooling2d", POOL_SIZE, PADDING, STRIDES, DATA_FORMAT).alsoReads("AvgPool2D").withoutBuildConfig();

    /** Keras's {@code strides=None}: the window's own size, stored as Keras 3 stores and writes it. */
    public AveragePooling2D {
        strides = strides == null ? poolSize : strides;
    }

    /** A window of the given size (one int: the same along every axis), stepping by its own size. */
    public static AveragePooling2D poolSize(int... size) {
        return TYPE.make(POOL_SIZE, SpatialAxes.tuple(size, 2));
    }

    @Override
    public LayerType<AveragePooling2D> type() {
        return TYPE;
    }

    public AveragePooling2D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public AveragePooling2D withName(String name) {
        return name(name);
    }

    /** The window step (one int: the same along every axis). */
    public AveragePooling2D strides(int... strides) {
        return TYPE.with(this, STRIDES, SpatialAxes.tuple(strides, 2));
    }

    public AveragePooling2D padding(Padding padding) {
        return TYPE.with(this, PADDING, padding);
    }

    public AveragePooling2D dataFormat(DataFormat format) {
        return TYPE.with(this, DATA_FORMAT, format);
    }
}
