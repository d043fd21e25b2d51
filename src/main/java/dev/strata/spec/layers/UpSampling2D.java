package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;

import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/**
 * Keras {@code UpSampling2D}: scales each image by {@code size} (rows, cols), repeating pixels ({@code nearest},
 * the default) or interpolating them ({@code bilinear}, as Keras's {@code tf.image.resize}).
 */
public record UpSampling2D(String name, IntTuple size, DataFormat dataFormat, Interpolation interpolation)
        implements Layer {

    public static final ConfigField<IntTuple> SIZE = ConfigField.ints("size", 2).defaultsTo(IntTuple.repeat(2, 2))
            .positive();
    public static final ConfigField<Interpolation> INTERPOLATION = ConfigField.choice("interpolation",
            Interpolation.class).defaultsTo(Interpolation.NEAREST);

    public static final LayerType<UpSampling2D> TYPE = LayerType.of(UpSampling2D.class, "UpSampling2D",
            "up_sampling2d", SIZE, DATA_FORMAT, INTERPOLATION);

    /** Keras's defaults: twice as many rows and columns, nearest. */
    public static UpSampling2D create() {
        return TYPE.defaults();
    }

    /** Factors for rows and columns (one int: both). */
    public static UpSampling2D size(int... size) {
        return TYPE.make(SIZE, SpatialAxes.tuple(size, 2));
    }

    @Override
    public LayerType<UpSampling2D> type() {
        return TYPE;
    }

    public UpSampling2D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public UpSampling2D withName(String name) {
        return name(name);
    }

    public UpSampling2D dataFormat(DataFormat format) {
        return TYPE.with(this, DATA_FORMAT, format);
    }

    public UpSampling2D interpolation(Interpolation interpolation) {
        return TYPE.with(this, INTERPOLATION, interpolation);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        return SpatialAxes.scaled(input, dataFormat, size, where, "UpSampling2D");
    }
}
