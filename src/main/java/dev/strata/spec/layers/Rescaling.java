package dev.strata.spec.layers;

import dev.strata.spec.ConfigField;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.NumberArray;
import dev.strata.spec.TensorShape;

/**
 * Keras {@code Rescaling}: {@code x * scale + offset}, in training and inference alike. Each of {@code scale} and
 * {@code offset} is a number or a list broadcast against the input as NumPy does ({@code scale=[a, b, c]} scales
 * the three channels of a channels-last image); it must keep the input's shape, so each of its dimensions is 1 or
 * the input's (known) size there. Keras 3's reshape of a list scale under a global {@code channels_first} image
 * format is a process-wide setting a model file does not record, so it is not modelled.
 */
public record Rescaling(String name, NumberArray scale, NumberArray offset) implements Layer {

    public static final ConfigField<NumberArray> SCALE = ConfigField.numbers("scale").required();
    public static final ConfigField<NumberArray> OFFSET = ConfigField.numbers("offset")
            .defaultsTo(NumberArray.scalar(0.0));

    public static final LayerType<Rescaling> TYPE = LayerType.of(Rescaling.class, "Rescaling", "rescaling", SCALE,
            OFFSET).passingMasks();

    /** {@code Rescaling(scale)}: {@code Rescaling.of(1 / 255.0)}. */
    public static Rescaling of(double scale) {
        return TYPE.make(SCALE, NumberArray.scalar(scale));
    }

    /** {@code Rescaling(scale, offset)}: {@code Rescaling.of(1 / 127.5, -1)} maps [0, 255] to [-1, 1]. */
    public static Rescaling of(double scale, double offset) {
        return TYPE.make(SCALE, NumberArray.scalar(scale), OFFSET, NumberArray.scalar(offset));
    }

    @Override
    public LayerType<Rescaling> type() {
        return TYPE;
    }

    public Rescaling name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Rescaling withName(String name) {
        return name(name);
    }

    /** A per-position scale, broadcast against the input ({@code scale(0.5, 0.25, 2)} for three channels). */
    public Rescaling scale(double... scale) {
        return TYPE.with(this, SCALE, scale.length == 1 ? NumberArray.scalar(scale[0]) : NumberArray.of(scale));
    }

    public Rescaling offset(double... offset) {
        return TYPE.with(this, OFFSET, offset.length == 1 ? NumberArray.scalar(offset[0]) : NumberArray.of(offset));
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        checkBroadcast(scale, "scale", input, where);
        checkBroadcast(offset, "offset", input, where);
        return input;
    }

    /**
     * NumPy broadcasting against one example, aligned on the last axis, without changing the input's shape: a
     * longer array would broadcast over the batch and a dimension other than 1 or the input's size would fail or
     * grow the output, which Keras's own shape rule (the input's shape) does not foresee.
     */
    private static void checkBroadcast(NumberArray a, String field, TensorShape input, String where) {
        int[] shape = a.shape();
        if (shape.length > input.rank()) {
            throw new InvalidSpecException(where, field, "has rank " + shape.length + ", more than the input's "
                    + input.rank() + " (batch excluded), so it would broadcast over the batch. Received: " + field
                    + "=" + a + " for input shape " + input);
        }
        for (int i = 1; i <= shape.length; i++) {
            int d = shape[shape.length - i];
            int in = input.dim(input.rank() - i);
            if (d != 1 && d != in) {
                throw new InvalidSpecException(where, field, "has " + d + " entries on its axis -" + i + " where the "
                        + "input has " + (in == TensorShape.UNKNOWN ? "an unknown size" : String.valueOf(in))
                        + "; each must be 1 or the input's size. Received input shape " + input);
            }
        }
    }
}
