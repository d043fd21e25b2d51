package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;

import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/**
 * Keras {@code Flatten}: reshapes each example to one dimension. With {@code channels_first} the channel axis is
 * moved last before flattening, as Keras does, so the order of the values matches a channels-last model.
 */
public record Flatten(String name, DataFormat dataFormat) implements Layer {

    public static final LayerType<Flatten> TYPE = LayerType.of(Flatten.class, "Flatten", "flatten", DATA_FORMAT);

    public static Flatten create() {
        return TYPE.defaults();
    }

    @Override
    public LayerType<Flatten> type() {
        return TYPE;
    }

    public Flatten name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Flatten withName(String name) {
        return name(name);
    }

    public Flatten dataFormat(DataFormat format) {
        return TYPE.with(this, DATA_FORMAT, format);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        if (!input.isFullyDefined()) {
            throw new InvalidSpecException(where, "input",
                    "Flatten needs every non-batch dimension defined. Received input shape " + input);
        }
        return TensorShape.of(Shapes.checkedSize(Math.max(1, input.size()), where, input, "Flatten"));
    }
}
