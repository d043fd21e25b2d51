package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;

import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.LayerType;

/**
 * Keras {@code AveragePooling3D} (also read as {@code AvgPool3D}): the mean of each 3D window, per channel.
 * With same padding, a window that overhangs the input averages the inputs it covers only (the padding
 * is not counted), as TensorFlow does. There is no default window, as in Keras 3.
 */
public record AveragePooling3D(String name, IntTuple poolSize, Padding padding, IntTuple strides,
                               DataFormat dataFormat) implements Pooling {

    public static final ConfigField<IntTuple> POOL_SIZE = SpatialAxes.poolSize(3, null);
    public static final ConfigField<IntTuple> STRIDES = SpatialAxes.strides(3);

    public static final LayerType<AveragePooling3D> TYPE = LayerType.of(AveragePooling3D.class, "AveragePooling3D",
            "average_pooling3d", POOL_SIZE, PADDING, STRIDES, DATA_FORMAT).alsoReads("AvgPool3D").withoutBuildConfig();

    /** Keras's {@code strides=None}: the window's own size, stored as Keras 3 stores and writes it. */
    public AveragePooling3D {
        strides = strides == null ? poolSize : strides;
    }

    /** A window of the given size (one int: the same along every axis), stepping by its own size. */
    public static AveragePooling3D poolSize(int... size) {
        return TYPE.make(POOL_SIZE, SpatialAxes.tuple(size, 3));
    }

    @Override
    public LayerType<AveragePooling3D> type() {
        return TYPE;
    }

    public AveragePooling3D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public AveragePooling3D withName(String name) {
        return name(name);
    }

    /** The window step (one int: the same along every axis). */
    public AveragePooling3D strides(int... strides) {
        return TYPE.with(this, STRIDES, SpatialAxes.tuple(strides, 3));
    }

    public AveragePooling3D padding(Padding padding) {
        return TYPE.with(this, PADDING, padding);
    }

    public AveragePooling3D dataFormat(DataFormat format) {
        return TYPE.with(this, DATA_FORMAT, format);
    }
}
