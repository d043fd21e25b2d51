package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.spec.TensorShape;
import dev.strata.spec.layers.ConvLayer;
import dev.strata.spec.layers.ConvTransposeLayer;
import dev.strata.spec.layers.DataFormat;
import dev.strata.spec.layers.Padding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Every convolution, built only from ops that have a CPU kernel and a gradient in TensorFlow's C API. Work is done
 * channels-last (the CPU kernels take no other layout) and in 2D or 3D: a 1D layer gets a unit axis in front of
 * its steps, as Keras's TensorFlow backend does. Dilation never reaches a convolution op (the registered Conv2D
 * gradient ignores it, and the depthwise CPU kernel refuses it): a dilated window runs as SpaceToBatchND, a plain
 * convolution, and BatchToSpaceND, as TensorFlow's {@code with_space_to_batch}.
 */
final class ConvOps {
    private ConvOps() {
    }

    /** How a convolution op runs on a channels-last input, for the given strides and padding. */
    @FunctionalInterface
    interface Body {
        Operand<TFloat32> apply(Operand<TFloat32> x, List<Long> strides, String padding);
    }

    /** Conv1D, Conv2D, Conv3D: the weight {@code kernel} over the layer's window, in {@code groups} groups. */
    static Flow convolution(LayerCall call, ConvLayer l, int groups) {
        Ops tf = call.tf();
        Operand<TFloat32> x = in(tf, l, call.input().value());
        Body body = conv(tf, kernel(tf, l, call.weight("kernel")), groups, Math.max(2, l.rank()));
        return finish(call, l, windowed(tf, l, call.inputShape(), x, body, false));
    }

    /** Depthwise ({@code kernel}), or separable when a pointwise kernel is given ({@code depthwise_kernel}). */
    static Flow depthwiseConvolution(LayerCall call, ConvLayer l, Operand<TFloat32> pointwise) {
        Ops tf = call.tf();
        Operand<TFloat32> x = in(tf, l, call.input().value());
        Operand<TFloat32> k = kernel(tf, l, call.weight(pointwise == null ? "kernel" : "depthwise_kernel"));
        Operand<TFloat32> y = windowed(tf, l, call.inputShape(), x, depthwise(tf, k), true);
        if (pointwise != null) {
            y = tf.nn.conv2d(y, kernel(tf, l, pointwise), List.of(1L, 1L, 1L, 1L), "VALID");
        }
        return finish(call, l, y);
    }

    /** Conv1DTranspose, Conv2DTranspose, Conv3DTranspose. */
    static Flow transposedConvolution(LayerCall call, ConvTransposeLayer l) {
        Ops tf = call.tf();
        Operand<TFloat32> x = in(tf, l, call.input().value());
        Operand<TFloat32> k = kernel(tf, l, call.weight("kernel"));
        return finish(call, l, transposed(tf, l, call.inputShape(), call.outputShape(), x, k));
    }

    /** The input in the working layout: channels-last, 1D with a unit axis in front. */
    static Operand<TFloat32> in(Ops tf, ConvLayer l, Operand<TFloat32> x) {
        if (l.dataFormat() == DataFormat.CHANNELS_FIRST) {
            x = Layouts.toChannelsLast(tf, x, l.rank() + 1);
        }
        return l.rank() == 1 ? tf.expandDims(x, tf.constant(1)) : x;
    }

    /** A kernel in the working layout: a 1D kernel gets the unit axis in front. */
    static Operand<TFloat32> kernel(Ops tf, ConvLayer l, Operand<TFloat32> k) {
        return l.rank() == 1 ? tf.expandDims(k, tf.constant(0)) : k;
    }

    /** Bias (channels-last), back to the layer's layout, then the activation, which Keras applies in that layout. */
    static Flow finish(LayerCall call, ConvLayer l, Operand<TFloat32> y) {
        Ops tf = call.tf();
        if (l.useBias()) {
            y = tf.nn.biasAdd(y, call.weight("bias"));
        }
        if (l.rank() == 1) {
            y = tf.squeeze(y, Squeeze.axis(1L));
        }
        if (l.dataFormat() == DataFormat.CHANNELS_FIRST) {
            y = Layouts.toChannelsFirst(tf, y, l.rank() + 1);
        }
        return Flow.activated(tf, l.activation(), y);
    }

    /** A (possibly grouped) 2D or 3D convolution of {@code groups} independent slices of the channels. */
    static Body conv(Ops tf, Operand<TFloat32> kernel, int groups, int rank) {
        return (x, strides, padding) -> {
            if (groups == 1) {
                return plainConv(tf, x, kernel, strides, padding, rank);
            }
            // The CPU has no grouped kernel (Keras needs XLA, and the gradient is refused): one convolution per group.
            Operand<TInt32> axis = tf.constant(rank + 1);
            List<Operand<TFloat32>> xs = new ArrayList<>();
            tf.split(axis, x, (long) groups).forEach(xs::add);
            List<Operand<TFloat32>> ks = new ArrayList<>();
            tf.split(axis, kernel, (long) groups).forEach(ks::add);
            List<Operand<TFloat32>> ys = new ArrayList<>(groups);
            for (int g = 0; g < groups; g++) {
                ys.add(plainConv(tf, xs.get(g), ks.get(g), strides, padding, rank));
            }
            return tf.concat(ys, axis);
        };
    }

    private static Operand<TFloat32> plainConv(Ops tf, Operand<TFloat32> x, Operand<TFloat32> k, List<Long> strides,
                                               String padding, int rank) {
        if (rank == 2) {
            return tf.nn.conv2d(x, k, strides, padding);
        }
        Conv3dGradients.ensureRegistered();
        return tf.nn.conv3d(x, k, strides, padding);
    }

    /** A depthwise 2D convolution. */
    static Body depthwise(Ops tf, Operand<TFloat32> kernel) {
        return (x, strides, padding) -> tf.nn.depthwiseConv2dNative(x, kernel, strides, padding);
    }

    /**
     * Runs {@code body} over the window of layer {@code l} on {@code x} (working layout): directly when it can, else
     * at stride 1 on an explicitly padded input and keeping every s-th position (Keras's decomposition for depthwise
     * windows), dilated through space-to-batch. {@code equalStrides}: the op takes only equal row and column strides.
     */
    static Operand<TFloat32> windowed(Ops tf, ConvLayer l, TensorShape input, Operand<TFloat32> x, Body body,
                                      boolean equalStrides) {
        Window w = Window.of(l, input);
        int[][] pads = w.basePads();
        if (!w.dilated() && !(equalStrides && w.strides[0] != w.strides[1])) {
            if (w.padding == Padding.CAUSAL) {
                x = tf.pad(x, tf.constant(opPads(pads)), tf.constant(0f));
            }
            return body.apply(x, w.strideList(w.strides), w.padding == Padding.SAME ? "SAME" : "VALID");
        }
        Operand<TFloat32> y;
        List<Long> unit = w.strideList(null);
        if (!w.dilated()) {
            y = body.apply(tf.pad(x, tf.constant(opPads(pads)), tf.constant(0f)), unit, "VALID");
        } else {
            List<Operand<TInt32>> padRows = new ArrayList<>();
            List<Operand<TInt32>> cropRows = new ArrayList<>();
            for (int i = 0; i < w.rank(); i++) {
                int before = pads[i][0];
                int after = pads[i][1];
                int d = w.dilation[i];
                Operand<TInt32> extra;
                if (w.size[i] != TensorShape.UNKNOWN) {
                    extra = tf.constant(new int[] {Math.floorMod(-(w.size[i] + before + after), d)});
                } else {
                    // SpaceToBatchND needs sizes divisible by the dilation: pad the rest at the end, crop it after.
                    Operand<TInt32> n = tf.slice(tf.shape(x), tf.constant(new int[] {i + 1}),
                            tf.constant(new int[] {1}));
                    extra = tf.math.floorMod(tf.math.neg(tf.math.add(n, tf.constant(before + after))),
                            tf.constant(d));
                }
                padRows.add(tf.concat(List.of(tf.constant(new int[] {before}), tf.math.add(extra,
                        tf.constant(after))), tf.constant(0)));
                cropRows.add(tf.concat(List.of(tf.constant(new int[] {0}), extra), tf.constant(0)));
            }
            Operand<TInt32> block = tf.constant(w.dilation);
            Operand<TFloat32> s = tf.spaceToBatchNd(x, block, tf.stack(padRows));
            y = tf.batchToSpaceNd(body.apply(s, unit, "VALID"), block, tf.stack(cropRows));
        }
        if (w.strided()) {
            long all = (1L << (w.rank() + 2)) - 1;
            int[] zeros = new int[w.rank() + 2];
            int[] steps = new int[w.rank() + 2];
            Arrays.fill(steps, 1);
            System.arraycopy(w.strides, 0, steps, 1, w.rank());
            y = tf.stridedSlice(y, tf.constant(zeros), tf.constant(zeros), tf.constant(steps),
                    StridedSlice.beginMask(all), StridedSlice.endMask(all));
        }
        return y;
    }

    /** Per-axis (before, after) pads as a Pad op's paddings: none on the batch and channel axes. */
    private static int[][] opPads(int[][] pads) {
        int[][] out = new int[pads.length + 2][];
        out[0] = new int[2];
        out[pads.length + 1] = new int[2];
        System.arraycopy(pads, 0, out, 1, pads.length);
        return out;
    }

    /**
     * A transposed convolution: TensorFlow's gradient of a convolution with respect to its input, sized as Keras
     * sizes the output (a static size where the input's is known, else {@code (n - 1) * s + size(1)}).
     */
    static Operand<TFloat32> transposed(Ops tf, ConvTransposeLayer l, TensorShape input, TensorShape output,
                                        Operand<TFloat32> x, Operand<TFloat32> kernel) {
        Window w = Window.of(l, input);
        int offset = w.rank() - l.rank(); // the unit axis of a 1D layer
        List<Operand<TInt32>> sizes = new ArrayList<>();
        sizes.add(tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1})));
        if (offset == 1) {
            sizes.add(tf.constant(new int[] {1}));
        }
        int spatial = l.dataFormat() == DataFormat.CHANNELS_LAST ? 0 : 1;
        for (int i = 0; i < l.rank(); i++) {
            int size = output.dim(spatial + i);
            if (size != TensorShape.UNKNOWN) {
                sizes.add(tf.constant(new int[] {size}));
            } else {
                int s = l.strides().get(i);
                Operand<TInt32> n = tf.slice(tf.shape(x), tf.constant(new int[] {offset + i + 1}),
                        tf.constant(new int[] {1}));
                sizes.add(tf.math.add(tf.math.mul(tf.math.sub(n, tf.constant(1)), tf.constant(s)),
                        tf.constant((int) l.outputSize(i, 1))));
            }
        }
        sizes.add(tf.constant(new int[] {l.filters()}));
        Operand<TInt32> shape = tf.concat(sizes, tf.constant(0));
        String padding = w.padding == Padding.SAME ? "SAME" : "VALID";
        List<Long> strides = w.strideList(w.strides);
        if (offset == 1) {
            strides.set(1, 1L);
        }
        if (w.rank() == 2) {
            return tf.nn.conv2dBackpropInput(shape, kernel, x, strides, padding);
        }
        Conv3dGradients.ensureRegistered();
        return tf.nn.conv3dBackpropInput(shape, kernel, x, strides, padding);
    }

    /** A window over 2 or 3 spatial axes (a 1D layer's with the unit axis in front); sizes -1 where unknown. */
    private static final class Window {
        final int[] size;
        final int[] kernel;
        final int[] strides;
        final int[] dilation;
        final Padding padding;

        private Window(int rank, Padding padding) {
            size = new int[rank];
            kernel = new int[rank];
            strides = new int[rank];
            dilation = new int[rank];
            Arrays.fill(size, 1);
            Arrays.fill(kernel, 1);
            Arrays.fill(strides, 1);
            Arrays.fill(dilation, 1);
            this.padding = padding;
        }

        static Window of(ConvLayer l, TensorShape input) {
            Window w = new Window(Math.max(2, l.rank()), l.padding());
            int offset = w.rank() - l.rank();
            int first = l.dataFormat() == DataFormat.CHANNELS_LAST ? 0 : 1;
            if (offset == 1) {
                w.strides[0] = l.strides().get(0); // a unit axis takes any stride; the depthwise op wants them equal
            }
            for (int i = 0; i < l.rank(); i++) {
                w.size[offset + i] = input.dim(first + i);
                w.kernel[offset + i] = l.kernelSize().get(i);
                w.strides[offset + i] = l.strides().get(i);
                w.dilation[offset + i] = l.dilationRate().get(i);
            }
            return w;
        }

        int rank() {
            return size.length;
        }

        boolean dilated() {
            for (int d : dilation) {
                if (d > 1) {
                    return true;
                }
            }
            return false;
        }

        boolean strided() {
            for (int s : strides) {
                if (s > 1) {
                    return true;
                }
            }
            return false;
        }

        /** Strides for the ops: {@code [1, s1, ..., 1]}; all ones for null. */
        List<Long> strideList(int[] s) {
            List<Long> out = new ArrayList<>(rank() + 2);
            out.add(1L);
            for (int i = 0; i < rank(); i++) {
                out.add(s == null ? 1L : s[i]);
            }
            out.add(1L);
            return out;
        }

        /**
         * (before, after) padding per axis of a dilated window: causal pads {@code (k - 1) d} before; same pads as
         * TensorFlow (the extra one after) for the stride, from the static size when the stride is over 1.
         */
        int[][] basePads() {
            int[][] pads = new int[rank()][2];
            for (int i = 0; i < rank(); i++) {
                int effective = (kernel[i] - 1) * dilation[i] + 1;
                if (padding == Padding.CAUSAL) {
                    pads[i][0] = effective - 1;
                } else if (padding == Padding.SAME) {
                    int total = effective - 1;
                    if (strides[i] > 1) {
                        int out = (size[i] + strides[i] - 1) / strides[i];
                        total = Math.max((out - 1) * strides[i] + effective - size[i], 0);
                    }
                    pads[i][0] = total / 2;
                    pads[i][1] = total - total / 2;
                }
            }
            return pads;
        }
    }
}
