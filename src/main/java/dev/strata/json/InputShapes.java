package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/**
 * Input shapes in each spelling: Keras 3 {@code InputLayer.batch_shape}, tf.keras {@code batch_input_shape}
 * (on the InputLayer or on the first layer), Keras 1 {@code input_dim} (with {@code input_length} for sequence
 * layers), and per-example {@code input_shape} /
 * {@code shape}. A fixed batch size is dropped with a warning: Strata models take any batch size.
 */
final class InputShapes {
    private InputShapes() {
    }

    /** An {@code InputLayer} config: its shape, with every other field checked. */
    static TensorShape inputLayer(Fields c) {
        ReadContext ctx = c.ctx();
        TensorShape shape = fromFields(c);
        if (shape == null) {
            throw ctx.invalid(c.at("batch_shape"), "the InputLayer has no shape (batch_shape, batch_input_shape "
                    + "or shape)");
        }
        checkInputDtype(ctx, c.get("dtype"), c.at("dtype"));
        if (c.bool("sparse", false)) {
            throw ctx.unsupported(c.at("sparse"), "sparse inputs are not supported", "sparse");
        }
        if (c.bool("ragged", false)) {
            throw ctx.unsupported(c.at("ragged"), "ragged inputs are not supported", "ragged");
        }
        if (c.bool("optional", false)) {
            throw ctx.unsupported(c.at("optional"), "optional inputs are not supported", "optional");
        }
        c.string("name", null);
        c.requireNull("input_tensor", "an existing tensor as input");
        c.rejectUnknown("InputLayer config");
        return shape;
    }

    /** Integer types Keras models declare for token-id inputs; Strata feeds them as float32. */
    private static final java.util.Set<String> INTEGER_INPUTS = java.util.Set.of("int32", "int64", "int16", "int8",
            "uint8", "uint16");

    /**
     * An input's dtype: float32, or an integer type, which Strata feeds as float32 (exact for magnitudes below
     * 2^24; an Embedding truncates to int32 as Keras casts), with a warning.
     */
    static void checkInputDtype(ReadContext ctx, JsonNode dtype, JsonPath path) {
        if (dtype != null && dtype.isTextual() && INTEGER_INPUTS.contains(dtype.asText())) {
            ctx.warn(path, "a " + dtype.asText() + " input is fed as float32 (integers below 2^24 exactly)");
            return;
        }
        LayerCommon.checkFloat32(ctx, dtype, path);
    }

    /**
     * A tensor's dtype in a Keras 3 call record: float32, or an integer type, which only an integer input's tensor
     * has in a model Strata reads (its layers compute in float32), already warned about at that input.
     */
    static void checkTensorDtype(ReadContext ctx, JsonNode dtype, JsonPath path) {
        if (dtype == null || !dtype.isTextual() || !INTEGER_INPUTS.contains(dtype.asText())) {
            LayerCommon.checkFloat32(ctx, dtype, path);
        }
    }

    /**
     * The input shape a layer config carries, if any; reads and marks every shape key so later checks see
     * them as known. Null when the config has none.
     */
    static TensorShape fromFields(Fields c) {
        return fromFields(c, (LayerType<?>) null);
    }

    /**
     * As {@link #fromFields(Fields)}, for a layer of the given type. A type with a config field of its own named
     * {@code input_dim} (Embedding's vocabulary size) does not declare an input shape with it; Keras 1/2 gave such
     * a layer's input shape as {@code (input_length,)} (a null {@code input_length} declares none).
     */
    static TensorShape fromFields(Fields c, LayerType<?> type) {
        ReadContext ctx = c.ctx();
        checkInputDtype(ctx, c.get("input_dtype"), c.at("input_dtype"));
        TensorShape shape = null;
        for (String key : new String[] {"batch_shape", "batch_input_shape"}) {
            if (c.has(key) && shape == null) {
                shape = batchShape(ctx, c.get(key), c.at(key), c.integer("batch_size", null));
            }
            c.ignore(key);
        }
        for (String key : new String[] {"shape", "input_shape"}) {
            if (c.has(key) && shape == null) {
                shape = exampleShape(ctx, c.get(key), c.at(key), 0);
            }
            c.ignore(key);
        }
        boolean ownsInputDim = type != null && type.field("input_dim") != null;
        Integer inputDim = ownsInputDim ? null : c.integer("input_dim", null);
        // Keras 1 sequence layers (Convolution1D, LSTM, ...) gave (input_length, input_dim); input_length may be None.
        Integer inputLength = c.contains("input_length") && c.get("input_length").isNull() ? Integer.valueOf(
                TensorShape.UNKNOWN) : c.integer("input_length", null);
        if (ownsInputDim && shape == null && inputLength != null && inputLength != TensorShape.UNKNOWN) {
            shape = dims(ctx, new int[] {inputLength}, c.at("input_length"));
        }
        if (inputDim != null && shape == null) {
            shape = inputLength == null ? dims(ctx, new int[] {inputDim}, c.at("input_dim"))
                    : dims(ctx, new int[] {inputLength, inputDim}, c.at("input_length"));
        }
        c.ignore("batch_size");
        return shape;
    }

    /** {@code [batch, d1, ...]}: the batch entry is dropped, with a warning if it is fixed. */
    static TensorShape batchShape(ReadContext ctx, JsonNode v, JsonPath path, Integer batchSize) {
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw ctx.invalid(path, "must be a non-empty array [batch, d1, ...]. Received: " + Fields.describe(v));
        }
        JsonNode batch = v.get(0);
        if (!batch.isNull() || batchSize != null) {
            ctx.warn(path, "a fixed batch size is ignored; Strata models accept any batch size");
        }
        return exampleShape(ctx, v, path, 1);
    }

    /** The dimensions of {@code v} from index {@code from} on; null stands for an unknown dimension. */
    static TensorShape exampleShape(ReadContext ctx, JsonNode v, JsonPath path, int from) {
        if (v == null || !v.isArray()) {
            throw ctx.invalid(path, "must be an array of dimensions. Received: " + Fields.describe(v));
        }
        int[] dims = new int[v.size() - from];
        for (int i = from; i < v.size(); i++) {
            JsonNode d = v.get(i);
            if (d.isNull()) {
                dims[i - from] = TensorShape.UNKNOWN;
            } else {
                dims[i - from] = Fields.toInt(ctx, d, path.index(i), "dimension");
                if (dims[i - from] <= 0) {
                    throw ctx.invalid(path.index(i), "a dimension must be a positive integer or null. Received: "
                            + dims[i - from]);
                }
            }
        }
        return dims(ctx, dims, path);
    }

    private static TensorShape dims(ReadContext ctx, int[] dims, JsonPath path) {
        for (int d : dims) {
            if (d == 0 || d < TensorShape.UNKNOWN) {
                throw ctx.invalid(path, "a dimension must be a positive integer or null. Received: " + d);
            }
        }
        return TensorShape.of(dims);
    }
}
