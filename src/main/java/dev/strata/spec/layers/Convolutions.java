package dev.strata.spec.layers;

import dev.strata.spec.IntTuple;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.TensorShape;

/** Keras's argument checks and shape rules of the convolution layers; every message names the layer. */
final class Convolutions {
    private Convolutions() {
    }

    /** {@code causal} exists for Conv1D only, as in Keras. */
    static void checkPadding(String where, Padding padding, boolean causalAllowed) {
        if (padding == Padding.CAUSAL && !causalAllowed) {
            throw new InvalidSpecException(where, "padding", "must be 'valid' or 'same' ('causal' is for Conv1D "
                    + "only). Received: padding='causal'");
        }
    }

    /** Keras's BaseConv and BaseConvTranspose refuse both at once. */
    static void checkStridesAndDilation(String where, IntTuple strides, IntTuple dilation) {
        if (!strides.all(1) && !dilation.all(1)) {
            throw new InvalidSpecException(where, "strides", "> 1 is not supported together with dilation_rate > 1."
                    + " Received: strides=" + strides + " and dilation_rate=" + dilation);
        }
    }

    static void checkGroups(String where, int filters, int groups) {
        if (filters % groups != 0) {
            throw new InvalidSpecException(where, "groups", "must divide filters evenly. Received: groups=" + groups
                    + ", filters=" + filters);
        }
    }

    /** The input channel count, after checking the input has the layer's rank and a known channel axis. */
    static int inputChannels(ConvLayer l, TensorShape input, String where) {
        Shapes.requireRank(input, l.rank() + 1, where, l.kerasClassName());
        return Shapes.channels(input, l.dataFormat(), where, l.kerasClassName());
    }

    /**
     * Keras's {@code compute_conv_output_shape}: valid {@code floor((n - (k-1)d - 1)/s) + 1}, else {@code ceil(n/s)}.
     */
    static TensorShape outputShape(ConvLayer l, TensorShape input, String where, int outChannels) {
        int[] out = new int[l.rank()];
        for (int i = 0; i < out.length; i++) {
            int n = input.dim(Shapes.spatialAxis(input, l.dataFormat(), i));
            out[i] = Shapes.windowOutput(n, l.kernelSize().get(i), l.strides().get(i), l.dilationRate().get(i),
                    l.padding(), where, l.kerasClassName(), input);
        }
        return Shapes.withSpatial(l.dataFormat(), out, outChannels);
    }

    /**
     * As {@link #outputShape}. TensorFlow's depthwise op takes neither dilation nor unequal row and column strides on
     * the CPU; Strata then runs it as Keras decomposes it (stride 1, then every s-th position), padding 'same' inputs
     * for the stride from their static size, which must then be known.
     */
    static TensorShape depthwiseOutputShape(ConvLayer l, TensorShape input, String where, int outChannels) {
        boolean decomposed = !l.dilationRate().all(1) || !l.strides().all(l.strides().get(0));
        if (l.padding() == Padding.SAME && !l.strides().all(1) && decomposed) {
            for (int i = 0; i < l.rank(); i++) {
                if (input.dim(Shapes.spatialAxis(input, l.dataFormat(), i)) == TensorShape.UNKNOWN) {
                    throw new InvalidSpecException(where, "input", l.kerasClassName() + " with padding='same' and "
                            + "strides " + l.strides() + " (with dilation_rate " + l.dilationRate() + ") needs every "
                            + "spatial dimension defined. Received input shape " + input);
                }
            }
        }
        return outputShape(l, input, where, outChannels);
    }

    /** Input channels must split evenly into the groups (Keras checks it when the layer is built). */
    static void checkInputGroups(String where, int channels, int groups, TensorShape input) {
        if (channels % groups != 0) {
            throw new InvalidSpecException(where, "groups", "must divide the input channels evenly. Received: groups="
                    + groups + ", but the input has " + channels + " channels (input shape " + input + ")");
        }
    }

    /** {@code kernel_size + (a, b)}: the shape of a convolution kernel. */
    static int[] kernelShape(IntTuple kernelSize, int a, int b) {
        int[] shape = new int[kernelSize.size() + 2];
        for (int i = 0; i < kernelSize.size(); i++) {
            shape[i] = kernelSize.get(i);
        }
        shape[shape.length - 2] = a;
        shape[shape.length - 1] = b;
        return shape;
    }

    /**
     * Checks of the transposed convolutions. Their kernel is TensorFlow's gradient of a convolution, which has no CPU
     * kernel for dilation (Keras fails on CPU too), and Keras's output size must be one TensorFlow can produce.
     */
    static void checkTranspose(String where, IntTuple kernel, IntTuple strides, Padding padding, IntTuple dilation,
                               IntTuple outputPadding) {
        checkPadding(where, padding, false);
        checkStridesAndDilation(where, strides, dilation);
        if (!dilation.all(1)) {
            throw new InvalidSpecException(where, "dilation_rate", "> 1 is not supported for transposed convolutions:"
                    + " TensorFlow has no CPU kernel for it (Keras fails on CPU too). Received: dilation_rate="
                    + dilation);
        }
        if (outputPadding == null) {
            return;
        }
        for (int i = 0; i < strides.size(); i++) {
            if (outputPadding.get(i) >= strides.get(i)) {
                throw new InvalidSpecException(where, "output_padding", "must be strictly less than strides in every"
                        + " dimension. Received: output_padding=" + outputPadding + ", strides=" + strides);
            }
            if (padding == Padding.SAME && kernel.get(i) % 2 == 0 && outputPadding.get(i) == 0) {
                throw new InvalidSpecException(where, "output_padding", "of 0 with an even kernel_size and "
                        + "padding='same' gives an output TensorFlow cannot produce (Keras fails on it too). Received: "
                        + "kernel_size=" + kernel + ", output_padding=" + outputPadding);
            }
        }
    }

    /** Keras's {@code compute_conv_transpose_output_shape} (without dilation, which is refused). */
    static TensorShape transposeOutputShape(ConvTransposeLayer l, TensorShape input, String where) {
        int[] out = new int[l.rank()];
        for (int i = 0; i < out.length; i++) {
            int n = input.dim(Shapes.spatialAxis(input, l.dataFormat(), i));
            long size = n == TensorShape.UNKNOWN ? n : l.outputSize(i, n);
            if (size > Integer.MAX_VALUE) {
                throw new InvalidSpecException(where, "input", l.kerasClassName() + " would make an axis of " + size
                        + " positions, more than a dimension can hold. Received input shape " + input);
            }
            out[i] = (int) size;
        }
        return Shapes.withSpatial(l.dataFormat(), out, l.filters());
    }

    /** One output size of a transposed convolution. */
    static long transposeSize(int n, int k, int s, Padding padding, Integer outputPadding) {
        if (padding == Padding.VALID) {
            int op = outputPadding == null ? Math.max(k, s) - k : outputPadding;
            return (long) (n - 1) * s + k + op;
        }
        return outputPadding == null ? (long) n * s : (long) (n - 1) * s + k % 2 + outputPadding;
    }
}
