package dev.strata.spec.layers;

import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.LayerType;

/**
 * Keras {@code Cropping1D}: removes steps at the start and the end of a sequence.
 */
public record Cropping1D(String name, IntTuple cropping) implements Cropping {

    /** (before, after); Keras reads an int for both or a pair. */
    public static final ConfigField<IntTuple> CROPPING = SpatialAxes.pairs("cropping", 1, 1);

    public static final LayerType<Cropping1D> TYPE = LayerType.of(Cropping1D.class, "Cropping1D", "cropping1d",
            CROPPING);

    /** Keras's defaults: one entry cropped at both ends of every spatial axis. */
    public static Cropping1D create() {
        return TYPE.defaults();
    }

    /** The same crop before and after every spatial axis. */
    public static Cropping1D of(int crop) {
        return TYPE.make(CROPPING, IntTuple.repeat(crop, 2));
    }

    /** Before and after: {@code pairs(1, 2)}. */
    public static Cropping1D pairs(int... beforeAfter) {
        return TYPE.make(CROPPING, IntTuple.of(beforeAfter));
    }

    @Override
    public LayerType<Cropping1D> type() {
        return TYPE;
    }

    public Cropping1D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Cropping1D withName(String name) {
        return name(name);
    }

    /** Keras's Cropping1D has no data format: its input is (batch, steps, features). */
    @Override
    public DataFormat dataFormat() {
        return DataFormat.CHANNELS_LAST;
    }
}
