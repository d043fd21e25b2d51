package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;

import dev.strata.spec.ConfigField;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/**
 * Keras {@code CenterCrop}: the central {@code height x width} window of each image of {@code (batch, rows, cols,
 * channels)} (or channels-first), starting at {@code (size - target) // 2}, in training and inference alike. An
 * image smaller than the target on a known axis is refused: Keras then resizes it instead (its
 * {@code smart_resize}), which Strata does not build. Unknown image sizes are cropped when the graph runs, as
 * Keras does with them. tf.keras 2 has no {@code data_format} key; the Keras 2 dialect leaves the default out.
 */
public record CenterCrop(String name, DataFormat dataFormat, int height, int width) implements Layer {

    public static final ConfigField<DataFormat> FORMAT = DATA_FORMAT.keras3Only();
    public static final ConfigField<Integer> HEIGHT = ConfigField.integer("height").required().positive();
    public static final ConfigField<Integer> WIDTH = ConfigField.integer("width").required().positive();

    public static final LayerType<CenterCrop> TYPE = LayerType.of(CenterCrop.class, "CenterCrop", "center_crop",
            FORMAT, HEIGHT, WIDTH);

    public static CenterCrop of(int height, int width) {
        return TYPE.make(HEIGHT, height, WIDTH, width);
    }

    @Override
    public LayerType<CenterCrop> type() {
        return TYPE;
    }

    public CenterCrop name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public CenterCrop withName(String name) {
        return name(name);
    }

    public CenterCrop dataFormat(DataFormat format) {
        return TYPE.with(this, FORMAT, format);
    }

    /** The rows axis as an index into the batch shape; the columns axis follows it. */
    public int rowsAxis() {
        return dataFormat == DataFormat.CHANNELS_LAST ? 1 : 2;
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        if (input.rank() != 3) {
            throw new InvalidSpecException(where, "input", "CenterCrop takes images (batch, rows, cols, channels) or "
                    + "channels-first. Received input shape " + input);
        }
        int[] dims = input.dims();
        int rows = rowsAxis() - 1;
        check(where, "height", dims[rows], height, input);
        check(where, "width", dims[rows + 1], width, input);
        dims[rows] = height;
        dims[rows + 1] = width;
        return TensorShape.of(dims);
    }

    private static void check(String where, String field, int size, int target, TensorShape input) {
        if (size != TensorShape.UNKNOWN && size < target) {
            throw new InvalidSpecException(where, field, "is " + target + ", larger than the input's " + size
                    + "; Keras would resize the image (smart_resize) rather than crop, which Strata does not build. "
                    + "Received input shape " + input);
        }
    }
}
