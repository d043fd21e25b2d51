package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;

import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.LayerType;

/**
 * Keras {@code Cropping2D}: removes rows and columns at the edges of each image.
 */
public record Cropping2D(String name, IntTuple cropping, DataFormat dataFormat) implements Cropping {

    /** (before, after) per spatial axis; Keras reads an int, one int per axis, or the pairs. */
    public static final ConfigField<IntTuple> CROPPING = SpatialAxes.pairs("cropping", 2, 0);

    public static final LayerType<Cropping2D> TYPE = LayerType.of(Cropping2D.class, "Cropping2D", "cropping2d",
            CROPPING, DATA_FORMAT);

    /** Keras's defaults: nothing cropped. */
    public static Cropping2D create() {
        return TYPE.defaults();
    }

    /** The same crop before and after every spatial axis. */
    public static Cropping2D of(int crop) {
        return TYPE.make(CROPPING, IntTuple.repeat(crop, 4));
    }

    /** Before and after for each spatial axis in turn: {@code pairs(1, 1, 2, 0)} is {@code ((1, 1), (2, 0))}. */
    public static Cropping2D pairs(int... beforeAfter) {
        return TYPE.make(CROPPING, IntTuple.of(beforeAfter));
    }

    @Override
    public LayerType<Cropping2D> type() {
        return TYPE;
    }

    public Cropping2D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Cropping2D withName(String name) {
        return name(name);
    }

    public Cropping2D dataFormat(DataFormat format) {
        return TYPE.with(this, DATA_FORMAT, format);
    }
}
