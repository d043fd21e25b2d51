package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;

import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.LayerType;

/**
 * Keras {@code MaxPooling3D} (also read as {@code MaxPool3D}): the maximum of each 3D window, per channel.
 * Keras 1 wrote {@code border_mode} and {@code dim_ordering}.
 */
public record MaxPooling3D(String name, IntTuple poolSize, Padding padding, IntTuple strides,
                           DataFormat dataFormat) implements Pooling {

    public static final ConfigField<IntTuple> POOL_SIZE = SpatialAxes.poolSize(3, IntTuple.repeat(2, 3));
    public static final ConfigField<IntTuple> STRIDES = SpatialAxes.strides(3);

    public static final LayerType<MaxPooling3D> TYPE = LayerType.of(MaxPooling3D.class, "MaxPooling3D",
            "max_pooling3d", POOL_SIZE, PADDING, STRIDES, DATA_FORMAT).alsoReads("MaxPool3D").withoutBuildConfig();

    /** Keras's {@code strides=None}: the window's own size, stored as Keras 3 stores and writes it. */
    public MaxPooling3D {
        strides = strides == null ? poolSize : strides;
    }

    /** Keras's defaults: a window of 2 x 2 x 2, stepping by its own size, valid padding. */
    public static MaxPooling3D create() {
        return TYPE.defaults();
    }

    /** A window of the given size (one int: the same along every axis), stepping by its own size. */
    public static MaxPooling3D poolSize(int... size) {
        return TYPE.make(POOL_SIZE, SpatialAxes.tuple(size, 3));
    }

    @Override
    public LayerType<MaxPooling3D> type() {
        return TYPE;
    }

    public MaxPooling3D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public MaxPooling3D withName(String name) {
        return name(name);
    }

    /** The window step (one int: the same along every axis). */
    public MaxPooling3D strides(int... strides) {
        return TYPE.with(this, STRIDES, SpatialAxes.tuple(strides, 3));
    }

    public MaxPooling3D padding(Padding padding) {
        return TYPE.with(this, PADDING, padding);
    }

    public MaxPooling3D dataFormat(DataFormat format) {
        return TYPE.with(this, DATA_FORMAT, format);
    }
}
