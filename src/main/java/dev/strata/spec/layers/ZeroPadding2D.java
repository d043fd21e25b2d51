package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;

import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.LayerType;

/**
 * Keras {@code ZeroPadding2D}: adds rows and columns of zeros around each image.
 */
public record ZeroPadding2D(String name, IntTuple padding, DataFormat dataFormat) implements ZeroPadding {

    /** (before, after) per spatial axis; Keras reads an int, one int per axis, or the pairs. */
    public static final ConfigField<IntTuple> PADDING = SpatialAxes.pairs("padding", 2, 1);

    public static final LayerType<ZeroPadding2D> TYPE = LayerType.of(ZeroPadding2D.class, "ZeroPadding2D",
            "zero_padding2d", PADDING, DATA_FORMAT);

    /** Keras's defaults: one zero before and after every spatial axis. */
    public static ZeroPadding2D create() {
        return TYPE.defaults();
    }

    /** The same padding before and after every spatial axis. */
    public static ZeroPadding2D of(int padding) {
        return TYPE.make(PADDING, IntTuple.repeat(padding, 4));
    }

    /** Before and after for each spatial axis in turn: {@code pairs(1, 1, 2, 0)} is {@code ((1, 1), (2, 0))}. */
    public static ZeroPadding2D pairs(int... beforeAfter) {
        return TYPE.make(PADDING, IntTuple.of(beforeAfter));
    }

    @Override
    public LayerType<ZeroPadding2D> type() {
        return TYPE;
    }

    public ZeroPadding2D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public ZeroPadding2D withName(String name) {
        return name(name);
    }

    public ZeroPadding2D dataFormat(DataFormat format) {
        return TYPE.with(this, DATA_FORMAT, format);
    }
}
