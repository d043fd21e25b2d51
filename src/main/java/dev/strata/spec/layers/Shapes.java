package dev.strata.spec.layers;

import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.TensorShape;

/** Shape checks and arithmetic shared by the layer specs; every message names the layer and the input shape. */
final class Shapes {
    private Shapes() {
    }

    static void requireKnownLast(TensorShape input, String where, String what) {
        if (input.rank() < 1) {
            throw new InvalidSpecException(where, "input",
                    what + " needs inputs of rank >= 2 (batch, ..., features). Received input shape " + input);
        }
        if (input.dim(-1) == TensorShape.UNKNOWN) {
            throw new InvalidSpecException(where, "input",
                    what + " needs a defined last dimension. Received input shape " + input);
        }
    }

    /** The input must have exactly {@code rank} dimensions besides the batch. */
    static void requireRank(TensorShape input, int rank, String where, String what) {
        if (input.rank() != rank) {
            throw new InvalidSpecException(where, "input", what + " needs inputs of rank " + (rank + 1)
                    + " (batch" + (rank == 1 ? ", features" : ", " + rank + " axes") + "). Received input shape "
                    + input);
        }
    }

    /** The channel axis (within one example) for a data format. */
    static int channelAxis(TensorShape input, DataFormat format) {
        return format == DataFormat.CHANNELS_LAST ? input.rank() - 1 : 0;
    }

    /** The channel count, which must be known: weights are sized by it. */
    static int channels(TensorShape input, DataFormat format, String where, String what) {
        int c = input.dim(channelAxis(input, format));
        if (c == TensorShape.UNKNOWN) {
            throw new InvalidSpecException(where, "input", what + " needs a defined channel dimension. Received "
                    + "input shape " + input);
        }
        return c;
    }

    /** Index of spatial axis {@code i} within one example. */
    static int spatialAxis(TensorShape input, DataFormat format, int i) {
        return format == DataFormat.CHANNELS_LAST ? i : i + 1;
    }

    /** A shape of the same layout with new spatial sizes and channel count. */
    static TensorShape withSpatial(DataFormat format, int[] spatial, int channels) {
        int[] dims = new int[spatial.length + 1];
        if (format == DataFormat.CHANNELS_LAST) {
            System.arraycopy(spatial, 0, dims, 0, spatial.length);
            dims[spatial.length] = channels;
        } else {
            dims[0] = channels;
            System.arraycopy(spatial, 0, dims, 1, spatial.length);
        }
        return TensorShape.of(dims);
    }

    /**
     * Keras's output length of a convolution or pooling window: {@code ceil(n / s)} for same, {@code
     * ceil((n - (k - 1) d) / s)} for valid and causal is {@code ceil(n / s)}; unknown stays unknown.
     */
    static int windowOutput(int n, int kernel, int stride, int dilation, Padding padding, String where, String what,
                            TensorShape input) {
        if (n == TensorShape.UNKNOWN) {
            return TensorShape.UNKNOWN;
        }
        long effective = (long) (kernel - 1) * dilation + 1;
        long out;
        if (padding == Padding.VALID) {
            out = n < effective ? 0 : (n - effective) / stride + 1;
        } else {
            out = (n + stride - 1L) / stride;
        }
        if (out <= 0) {
            throw new InvalidSpecException(where, "input", what + " window of size " + effective
                    + " does not fit in an input dimension of " + n + " with padding='valid'. Received input shape "
                    + input);
        }
        return (int) out;
    }

    /** Product of dims within int range, for layers that flatten. */
    static int checkedSize(long size, String where, TensorShape input, String what) {
        if (size > Integer.MAX_VALUE) {
            throw new InvalidSpecException(where, "input", what + " would make " + size
                    + " values per example, more than a dimension can hold (2^31 - 1). Received input shape " + input);
        }
        return (int) size;
    }
}
