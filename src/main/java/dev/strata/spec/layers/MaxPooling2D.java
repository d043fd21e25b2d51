package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;

import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.LayerType;

/**
 * Keras {@code MaxPooling2D} (also read as {@code MaxPool2D}): the maximum of each 2D window, per channel.
 * Keras 1 wrote {@code border_mode} and {@code dim_ordering}.
 */
public record MaxPooling2D(String name, IntTuple poolSize, Padding padding, IntTuple strides,
                           DataFormat dataFormat) implements Pooling {

    public static final ConfigField<IntTuple> POOL_SIZE = SpatialAxes.poolSize(2, IntTuple.repeat(2, 2));
    public static final ConfigField<IntTuple> STRIDES = SpatialAxes.strides(2);

    public static final LayerType<MaxPooling2D> TYPE = LayerType.of(MaxPooling2D.class, "MaxPooling2D",
            "max_pooling2d", POOL_SIZE, PADDING, STRIDES, DATA_FORMAT).alsoReads("MaxPool2D").withoutBuildConfig();

    /** Keras's {@code strides=None}: the window's own size, stored as Keras 3 stores and writes it. */
    public MaxPooling2D {
        strides = strides == null ? poolSize : strides;
    }

    /** Keras's defaults: a window of 2 x 2, stepping by its own size, valid padding. */
    public static MaxPooling2D create() {
        return TYPE.defaults();
    }

    /** A window of the given size (one int: the same along every axis), stepping by its own size. */
    public static MaxPooling2D poolSize(int... size) {
        return TYPE.make(POOL_SIZE, SpatialAxes.tuple(size, 2));
    }

    @Override
    public LayerType<MaxPooling2D> type() {
        return TYPE;
    }

    public MaxPooling2D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public MaxPooling2D withName(String name) {
        return name(name);
    }

    /** The window step (one int: the same along every axis). */
    public MaxPooling2D strides(int... strides) {
        return TYPE.with(this, STRIDES, SpatialAxes.tuple(strides, 2));
    }

    public MaxPooling2D padding(Padding padding) {
        return TYPE.with(this, PADDING, padding);
    }

    public MaxPooling2D dataFormat(DataFormat format) {
        return TYPE.with(this, DATA_FORMAT, format);
    }
}
