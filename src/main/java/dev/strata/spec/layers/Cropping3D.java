package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;

import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.LayerType;

/**
 * Keras {@code Cropping3D}: removes entries at both ends of each of the three spatial axes.
 */
public record Cropping3D(String name, IntTuple cropping, DataFormat dataFormat) implements Cropping {

    /** (before, after) per spatial axis; Keras reads an int, one int per axis, or the pairs. */
    public static final ConfigField<IntTuple> CROPPING = SpatialAxes.pairs("cropping", 3, 1);

    public static final LayerType<Cropping3D> TYPE = LayerType.of(Cropping3D.class, "Cropping3D", "cropping3d",
            CROPPING, DATA_FORMAT);

    /** Keras's defaults: one entry cropped at both ends of every spatial axis. */
    public static Cropping3D create() {
        return TYPE.defaults();
    }

    /** The same crop before and after every spatial axis. */
    public static Cropping3D of(int crop) {
        return TYPE.make(CROPPING, IntTuple.repeat(crop, 6));
    }

    /** Before and after for each spatial axis in turn: {@code pairs(1, 1, 2, 0)} is {@code ((1, 1), (2, 0), ...)}. */
    public static Cropping3D pairs(int... beforeAfter) {
        return TYPE.make(CROPPING, IntTuple.of(beforeAfter));
    }

    @Override
    public LayerType<Cropping3D> type() {
        return TYPE;
    }

    public Cropping3D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Cropping3D withName(String name) {
        return name(name);
    }

    public Cropping3D dataFormat(DataFormat format) {
        return TYPE.with(this, DATA_FORMAT, format);
    }
}
