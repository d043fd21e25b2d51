package dev.strata.spec.layers;


import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.LayerType;

/**
 * Keras {@code ZeroPadding1D}: adds zeros before and after the steps of a sequence.
 */
public record ZeroPadding1D(String name, IntTuple padding, DataFormat dataFormat) implements ZeroPadding {

    /** (before, after); Keras reads an int for both or a pair. */
    public static final ConfigField<IntTuple> PADDING = SpatialAxes.pairs("padding", 1, 1);

    /** tf.keras 2's ZeroPadding1D has no data_format: the Keras 2 dialect leaves it out. */
    public static final dev.strata.spec.ConfigField<DataFormat> DATA_FORMAT_KERAS3 = CommonFields.DATA_FORMAT.keras3Only();

    public static final LayerType<ZeroPadding1D> TYPE = LayerType.of(ZeroPadding1D.class, "ZeroPadding1D",
            "zero_padding1d", PADDING, DATA_FORMAT_KERAS3);

    /** Keras's defaults: one zero before and after every spatial axis. */
    public static ZeroPadding1D create() {
        return TYPE.defaults();
    }

    /** The same padding before and after every spatial axis. */
    public static ZeroPadding1D of(int padding) {
        return TYPE.make(PADDING, IntTuple.repeat(padding, 2));
    }

    /** Before and after: {@code pairs(1, 2)}. */
    public static ZeroPadding1D pairs(int... beforeAfter) {
        return TYPE.make(PADDING, IntTuple.of(beforeAfter));
    }

    @Override
    public LayerType<ZeroPadding1D> type() {
        return TYPE;
    }

    public ZeroPadding1D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public ZeroPadding1D withName(String name) {
        return name(name);
    }

    public ZeroPadding1D dataFormat(DataFormat format) {
        return TYPE.with(this, DATA_FORMAT_KERAS3, format);
    }
}
