package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;

import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.LayerType;

/**
 * Keras {@code MaxPooling1D} (also read as {@code MaxPool1D}): the maximum of each window, per channel.
 * Keras 1 wrote the 1D one with {@code pool_length}, {@code stride} and {@code border_mode}.
 */
public record MaxPooling1D(String name, IntTuple poolSize, Padding padding, IntTuple strides,
                           DataFormat dataFormat) implements Pooling {

    public static final ConfigField<IntTuple> POOL_SIZE = SpatialAxes.poolSize(1, IntTuple.repeat(2, 1));
    public static final ConfigField<IntTuple> STRIDES = SpatialAxes.strides(1);

    public static final LayerType<MaxPooling1D> TYPE = LayerType.of(MaxPooling1D.class, "MaxPooling1D",
            "max_pooling1d", POOL_SIZE, PADDING, STRIDES, DATA_FORMAT).alsoReads("MaxPool1D").withoutBuildConfig();

    /** Keras's {@code strides=None}: the window's own size, stored as Keras 3 stores and writes it. */
    public MaxPooling1D {
        strides = strides == null ? poolSize : strides;
    }

    /** Keras's defaults: a window of 2, stepping by its own size, valid padding. */
    public static MaxPooling1D create() {
        return TYPE.defaults();
    }

    /** A window of the given size (one int: the same along every axis), stepping by its own size. */
    public static MaxPooling1D poolSize(int... size) {
        return TYPE.make(POOL_SIZE, SpatialAxes.tuple(size, 1));
    }

    @Override
    public LayerType<MaxPooling1D> type() {
        return TYPE;
    }

    public MaxPooling1D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public MaxPooling1D withName(String name) {
        return name(name);
    }

    /** The window step (one int: the same along every axis). */
    public MaxPooling1D strides(int... strides) {
        return TYPE.with(this, STRIDES, SpatialAxes.tuple(strides, 1));
    }

    public MaxPooling1D padding(Padding padding) {
        return TYPE.with(this, PADDING, padding);
    }

    public MaxPooling1D dataFormat(DataFormat format) {
        return TYPE.with(this, DATA_FORMAT, format);
    }
}
