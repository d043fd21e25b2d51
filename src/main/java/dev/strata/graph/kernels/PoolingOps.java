package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.spec.IntTuple;
import dev.strata.spec.layers.DataFormat;
import dev.strata.spec.layers.GlobalPooling;
import dev.strata.spec.layers.Padding;
import dev.strata.spec.layers.Pooling;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceMax;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * The pooling kernels, as Keras's TensorFlow backend builds them: TensorFlow's window ops (channels-last only on
 * CPU, so channels-first runs between two transposes), 1D pooling as 2D over a height of one (as
 * {@code tf.nn.max_pool1d}), and global pooling as a mean or max over the spatial axes.
 */
final class PoolingOps {
    private PoolingOps() {
    }

    static Flow window(LayerCall call, Pooling p, boolean max) {
        Ops tf = call.tf();
        Operand<TFloat32> x = call.input().value();
        int rank = p.poolSize().size();
        boolean first = p.dataFormat() == DataFormat.CHANNELS_FIRST;
        if (first) {
            x = Layouts.toChannelsLast(tf, x, rank + 1);
        }
        String padding = p.padding() == Padding.SAME ? "SAME" : "VALID";
        IntTuple k = p.poolSize();
        IntTuple s = p.strides();
        Operand<TFloat32> y;
        if (rank == 1) {
            Operand<TFloat32> rows = tf.expandDims(x, tf.constant(1));
            y = tf.squeeze(pool(tf, rows, window(1, k.get(0)), window(1, s.get(0)), padding, max),
                    Squeeze.axis(List.of(1L)));
        } else if (rank == 2) {
            y = pool(tf, x, window(k.get(0), k.get(1)), window(s.get(0), s.get(1)), padding, max);
        } else {
            List<Long> kk = window(k.get(0), k.get(1), k.get(2));
            List<Long> ss = window(s.get(0), s.get(1), s.get(2));
            y = max ? tf.nn.maxPool3d(x, kk, ss, padding) : tf.nn.avgPool3d(x, kk, ss, padding);
        }
        return Flow.of(first ? Layouts.toChannelsFirst(tf, y, rank + 1) : y);
    }

    /** MaxPool or AvgPool over a (batch, rows, cols, channels) tensor. */
    private static Operand<TFloat32> pool(Ops tf, Operand<TFloat32> x, List<Long> k, List<Long> s, String padding,
                                          boolean max) {
        if (!max) {
            return tf.nn.avgPool(x, k, s, padding);
        }
        return tf.nn.maxPool(x, tf.constant(ints(k)), tf.constant(ints(s)), padding);
    }

    /** {@code [1, sizes..., 1]}: no window over the batch and channel axes. */
    private static List<Long> window(int... sizes) {
        List<Long> out = new ArrayList<>(sizes.length + 2);
        out.add(1L);
        for (int v : sizes) {
            out.add((long) v);
        }
        out.add(1L);
        return out;
    }

    private static int[] ints(List<Long> values) {
        return values.stream().mapToInt(Long::intValue).toArray();
    }

    static Flow global(LayerCall call, GlobalPooling p, boolean max) {
        Ops tf = call.tf();
        int from = p.dataFormat() == DataFormat.CHANNELS_LAST ? 1 : 2;
        int[] axes = new int[p.spatialRank()];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = from + i;
        }
        Operand<TFloat32> x = call.input().value();
        if (!max && p.spatialRank() == 1 && call.input().mask() != null) {
            // Keras: the mean over unmasked steps only, sum(where(mask, x, 0)) / sum(mask) (NaN when every step
            // is masked, as in Keras); the mask stops here. (Keras 3's GlobalMaxPooling1D ignores masks.)
            Operand<org.tensorflow.types.TBool> mask = tf.expandDims(call.input().mask(),
                    tf.constant(from == 1 ? 2 : 1));
            Operand<org.tensorflow.types.TInt32> steps = tf.constant(new int[] {from});
            Sum.Options keep = Sum.keepDims(p.keepdims());
            Operand<TFloat32> kept = tf.select(mask, x, tf.zerosLike(x));
            return Flow.of(tf.math.div(tf.sum(kept, steps, keep),
                    tf.sum(tf.dtypes.cast(mask, TFloat32.class), steps, keep)));
        }
        return Flow.of(max ? tf.reduceMax(x, tf.constant(axes), ReduceMax.keepDims(p.keepdims()))
                : tf.math.mean(x, tf.constant(axes), Mean.keepDims(p.keepdims())));
    }
}
