package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.TensorShape;
import dev.strata.spec.layers.GroupNormalization;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras {@code GroupNormalization} on the TensorFlow backend, op for op: the channel axis split into
 * {@code (groups, channels / groups)}, tf.nn.moments over every axis of the split tensor but the batch and the
 * group axis, {@code inv = rsqrt(var + eps) * gamma}, {@code x * inv + (-mean * inv + beta)} with gamma and beta
 * reshaped to {@code (groups, channels / groups)} on those axes, and the result reshaped back.
 */
public final class GroupNormalizationKernel implements LayerKernel<GroupNormalization> {

    @Override
    public Flow call(GroupNormalization gn, LayerCall call) {
        Ops tf = call.tf();
        Operand<TFloat32> x = call.input().value();
        TensorShape in = call.inputShape();
        int rank = in.rank() + 1;
        int axis = gn.channelAxis(in, gn.name());
        int groups = gn.groupCount(in, gn.name());
        int perGroup = in.dim(axis - 1) / groups;
        Operand<TFloat32> grouped = tf.reshape(x, groupedShape(tf, x, in, axis, groups, perGroup));

        int[] reduce = new int[rank - 1];
        for (int a = 1, n = 0; a <= rank; a++) {
            if (a != axis) {
                reduce[n++] = a;
            }
        }
        int[] broadcast = new int[rank + 1];
        Arrays.fill(broadcast, 1);
        broadcast[axis] = groups;
        broadcast[axis + 1] = perGroup;
        Operand<TInt32> paramShape = tf.constant(broadcast);

        Moments m = Moments.of(tf, grouped, reduce);
        Operand<TFloat32> inv = tf.math.rsqrt(tf.math.add(m.variance(), tf.constant((float) gn.epsilon())));
        if (gn.scale()) {
            inv = tf.math.mul(inv, tf.reshape(call.weight("gamma"), paramShape));
        }
        Operand<TFloat32> res = tf.math.mul(tf.math.neg(m.mean()), inv);
        if (gn.center()) {
            res = tf.math.add(res, tf.reshape(call.weight("beta"), paramShape));
        }
        Operand<TFloat32> out = tf.math.add(tf.math.mul(grouped, inv), res);
        return Flow.of(tf.reshape(out, tf.shape(x)));
    }

    /** The input's shape with the channel axis split; static where every example dimension is known. */
    private static Operand<TInt32> groupedShape(Ops tf, Operand<TFloat32> x, TensorShape in, int axis, int groups,
                                                int perGroup) {
        int rank = in.rank() + 1;
        if (in.isFullyDefined()) {
            int[] shape = new int[rank + 1];
            shape[0] = -1;
            for (int a = 1; a < rank; a++) {
                shape[a < axis ? a : a + 1] = in.dim(a - 1);
            }
            shape[axis] = groups;
            shape[axis + 1] = perGroup;
            return tf.constant(shape);
        }
        Operand<TInt32> dynamic = tf.shape(x);
        return tf.concat(List.of(tf.slice(dynamic, tf.constant(new int[] {0}), tf.constant(new int[] {axis})),
                tf.constant(new int[] {groups, perGroup}), tf.slice(dynamic, tf.constant(new int[] {axis + 1}),
                        tf.constant(new int[] {rank - axis - 1}))), tf.constant(0));
    }
}
