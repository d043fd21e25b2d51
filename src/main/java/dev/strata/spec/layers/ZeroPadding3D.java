package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;

import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.LayerType;

/**
 * Keras {@code ZeroPadding3D}: adds zeros before and after each of the three spatial axes.
 */
public record ZeroPadding3D(String name, IntTuple padding, DataFormat dataFormat) implements ZeroPadding {

    /** (before, after) per spatial axis; Keras reads an int, one int per axis, or the pairs. */
    public static final ConfigField<IntTuple> PADDING = SpatialAxes.pairs("padding", 3, 1);

    public static final LayerType<ZeroPadding3D> TYPE = LayerType.of(ZeroPadding3D.class, "ZeroPadding3D",
            "zero_padding3d", PADDING, DATA_FORMAT);

    /** Keras's defaults: one zero before and after every spatial axis. */
    public static ZeroPadding3D create() {
        return TYPE.defaults();
    }

    /** The same padding before and after every spatial axis. */
    public static ZeroPadding3D of(int padding) {
        return TYPE.make(PADDING, IntTuple.repeat(padding, 6));
    }

    /** Before and after for each spatial axis in turn: {@code pairs(1, 1, 2, 0)} is {@code ((1, 1), (2, 0), ...)}. */
    public static ZeroPadding3D pairs(int... beforeAfter) {
        return TYPE.make(PADDING, IntTuple.of(beforeAfter));
    }

    @Override
    public LayerType<ZeroPadding3D> type() {
        return TYPE;
    }

    public ZeroPadding3D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public ZeroPadding3D withName(String name) {
        return name(name);
    }

    public ZeroPadding3D dataFormat(DataFormat format) {
        return TYPE.with(this, DATA_FORMAT, format);
    }
}
