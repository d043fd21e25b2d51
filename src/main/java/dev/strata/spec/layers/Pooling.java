package dev.strata.spec.layers;

import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.TensorShape;

/**
 * What the window pooling layers ({@code MaxPooling1D} to {@code 3D}, {@code AveragePooling1D} to {@code 3D})
 * share: a window, its step ({@code strides}; null, Keras's {@code None}, becomes the window size when the spec is
 * made, as Keras 3 does), valid or same padding, and the channel layout. Average pooling with same padding
 * averages over the window's inputs only, the padding not counted, as TensorFlow does.
 */
public interface Pooling extends Layer {

    /** {@code valid} or {@code same}; Keras 1 wrote it as {@code border_mode}. */
    ConfigField<Padding> PADDING = ConfigField.choice("padding", Padding.class).defaultsTo(Padding.VALID)
            .alias("border_mode");

    IntTuple poolSize();

    Padding padding();

    /** The window step. */
    IntTuple strides();

    DataFormat dataFormat();

    @Override
    default void validate(String where) {
        Layer.super.validate(where);
        if (padding() == Padding.CAUSAL) {
            throw new InvalidSpecException(where, "padding", "must be 'valid' or 'same' for pooling. Received: "
                    + "padding='causal'");
        }
    }

    /** Keras's rule: {@code floor((n - k) / s) + 1} with valid padding, {@code ceil(n / s)} with same. */
    @Override
    default TensorShape outputShape(TensorShape input, String where) {
        int rank = poolSize().size();
        SpatialAxes.requireRank(input, rank, where, kerasClassName());
        int[] in = SpatialAxes.spatial(input, dataFormat(), rank);
        IntTuple strides = strides();
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int n = in[i];
            int k = poolSize().get(i);
            int s = strides.get(i);
            if (n == TensorShape.UNKNOWN) {
                out[i] = n;
            } else if (padding() == Padding.SAME) {
                out[i] = (int) ((n + (long) s - 1) / s);
            } else if (n < k) {
                throw new InvalidSpecException(where, "pool_size", poolSize() + " does not fit in an input of "
                        + n + " along spatial axis " + i + " with padding='valid'. Received input shape " + input);
            } else {
                out[i] = (n - k) / s + 1;
            }
        }
        return SpatialAxes.withSpatial(input, dataFormat(), out);
    }
}
