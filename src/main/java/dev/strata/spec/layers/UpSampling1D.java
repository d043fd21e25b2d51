package dev.strata.spec.layers;

import dev.strata.spec.ConfigField;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/** Keras {@code UpSampling1D}: repeats each step {@code size} times. Keras 1 wrote {@code length}. */
public record UpSampling1D(String name, int size) implements Layer {

    public static final ConfigField<Integer> SIZE = ConfigField.integer("size").defaultsTo(2).positive()
            .alias("length");

    public static final LayerType<UpSampling1D> TYPE = LayerType.of(UpSampling1D.class, "UpSampling1D",
            "up_sampling1d", SIZE);

    /** Keras's default: each step twice. */
    public static UpSampling1D create() {
        return TYPE.defaults();
    }

    public static UpSampling1D size(int size) {
        return TYPE.make(SIZE, size);
    }

    @Override
    public LayerType<UpSampling1D> type() {
        return TYPE;
    }

    public UpSampling1D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public UpSampling1D withName(String name) {
        return name(name);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        if (input.rank() != 2) {
            throw new InvalidSpecException(where, "input", "UpSampling1D needs inputs of rank 3 (batch, steps, "
                    + "features). Received input shape " + input);
        }
        return TensorShape.of(SpatialAxes.times(input.dim(0), size, where, input, "UpSampling1D"), input.dim(1));
    }
}
