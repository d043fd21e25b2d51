package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.spec.IntTuple;
import dev.strata.spec.TensorShape;
import dev.strata.spec.layers.Cropping;
import dev.strata.spec.layers.DataFormat;
import dev.strata.spec.layers.ZeroPadding;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Shape arithmetic the reshaping kernels share. Constant shapes where the example shape is known, so TensorFlow
 * keeps static shapes for the layers after; otherwise pieces of the runtime shape (Shape and Slice carry no
 * gradient, which is right: only the values are differentiated).
 */
final class ReshapingOps {
    private ReshapingOps() {
    }

    /**
     * Keras's {@code ops.repeat(x, n, axis)} ({@code tf.repeat}): each entry along {@code axis} (counted with the
     * batch) {@code n} times in a row, as a tile of a new axis after it, merged back.
     */
    static Operand<TFloat32> repeat(Ops tf, Operand<TFloat32> x, TensorShape example, int axis, int n) {
        if (n == 1) {
            return x;
        }
        int rank = example.rank() + 1;
        int[] multiples = new int[rank + 1];
        java.util.Arrays.fill(multiples, 1);
        multiples[axis + 1] = n;
        Operand<TFloat32> tiled = tf.tile(tf.expandDims(x, tf.constant(axis + 1)), tf.constant(multiples));
        if (example.isFullyDefined()) {
            int[] target = batchShape(example);
            target[axis] *= n;
            return tf.reshape(tiled, tf.constant(target));
        }
        Operand<TInt32> shape = tf.shape(x);
        return tf.reshape(tiled, tf.concat(List.of(slice(tf, shape, 0, axis), tf.constant(new int[] {-1}),
                slice(tf, shape, axis + 1, rank - axis - 1)), tf.constant(0)));
    }

    /** The example shape with axis {@code axis} (counted without the batch) multiplied by {@code factor}. */
    static TensorShape scaled(TensorShape example, int axis, int factor) {
        int[] dims = example.dims();
        dims[axis] = dims[axis] == TensorShape.UNKNOWN ? dims[axis] : dims[axis] * factor;
        return TensorShape.of(dims);
    }

    /** {@code [-1, dims...]}: the batch shape of a fully known example shape. */
    static int[] batchShape(TensorShape example) {
        int[] out = new int[example.rank() + 1];
        out[0] = -1;
        System.arraycopy(example.dims(), 0, out, 1, example.rank());
        return out;
    }

    /** {@code shape[from : from + length]}. */
    static Operand<TInt32> slice(Ops tf, Operand<TInt32> shape, int from, int length) {
        return tf.slice(shape, tf.constant(new int[] {from}), tf.constant(new int[] {length}));
    }

    /** Keras's ZeroPadding: {@code tf.pad} with zeros, nothing added to the batch and channel axes. */
    static Flow pad(LayerCall call, ZeroPadding z) {
        Ops tf = call.tf();
        IntTuple p = z.padding();
        int rank = p.size() / 2;
        int[][] paddings = new int[rank + 2][2];
        for (int i = 0; i < rank; i++) {
            int axis = spatialAxis(z.dataFormat(), i);
            paddings[axis][0] = p.get(2 * i);
            paddings[axis][1] = p.get(2 * i + 1);
        }
        return Flow.of(tf.pad(call.input().value(), tf.constant(paddings), tf.constant(0f)));
    }

    /**
     * Keras's Cropping, {@code x[:, b0:-a0, b1:-a1, :]}: one strided slice, the batch and channel axes whole
     * (masked), an axis with nothing cropped after it open-ended, as Keras's {@code b:} slices.
     */
    static Flow crop(LayerCall call, Cropping c) {
        Ops tf = call.tf();
        IntTuple crop = c.cropping();
        int rank = crop.size() / 2;
        int[] begin = new int[rank + 2];
        int[] end = new int[rank + 2];
        int[] strides = new int[rank + 2];
        java.util.Arrays.fill(strides, 1);
        long beginMask = 0;
        long endMask = 0;
        for (int axis = 0; axis < rank + 2; axis++) {
            beginMask |= 1L << axis;
            endMask |= 1L << axis;
        }
        for (int i = 0; i < rank; i++) {
            int axis = spatialAxis(c.dataFormat(), i);
            begin[axis] = crop.get(2 * i);
            beginMask &= ~(1L << axis);
            if (crop.get(2 * i + 1) > 0) {
                end[axis] = -crop.get(2 * i + 1);
                endMask &= ~(1L << axis);
            }
        }
        return Flow.of(tf.stridedSlice(call.input().value(), tf.constant(begin), tf.constant(end),
                tf.constant(strides), StridedSlice.beginMask(beginMask), StridedSlice.endMask(endMask)));
    }

    /** Index of spatial axis {@code i}, counted with the batch. */
    static int spatialAxis(DataFormat format, int i) {
        return format == DataFormat.CHANNELS_LAST ? i + 1 : i + 2;
    }
}
