package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;

import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/** Keras {@code UpSampling3D}: repeats each entry {@code size} times along each of the three spatial axes. */
public record UpSampling3D(String name, IntTuple size, DataFormat dataFormat) implements Layer {

    public static final ConfigField<IntTuple> SIZE = ConfigField.ints("size", 3).defaultsTo(IntTuple.repeat(2, 3))
            .positive();

    public static final LayerType<UpSampling3D> TYPE = LayerType.of(UpSampling3D.class, "UpSampling3D",
            "up_sampling3d", SIZE, DATA_FORMAT);

    /** Keras's default: twice as many entries along every spatial axis. */
    public static UpSampling3D create() {
        return TYPE.defaults();
    }

    /** Factors for the three spatial axes (one int: all three). */
    public static UpSampling3D size(int... size) {
        return TYPE.make(SIZE, SpatialAxes.tuple(size, 3));
    }

    @Override
    public LayerType<UpSampling3D> type() {
        return TYPE;
    }

    public UpSampling3D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public UpSampling3D withName(String name) {
        return name(name);
    }

    public UpSampling3D dataFormat(DataFormat format) {
        return TYPE.with(this, DATA_FORMAT, format);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        return SpatialAxes.scaled(input, dataFormat, size, where, "UpSampling3D");
    }
}
