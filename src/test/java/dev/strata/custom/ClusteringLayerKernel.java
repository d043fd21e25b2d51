package dev.strata.custom;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The graph of {@link ClusteringLayer}. The squared distance is summed directly: DEC-Keras squares a square
 * root, which has no gradient where an example sits exactly on a centre.
 */
public final class ClusteringLayerKernel implements LayerKernel<ClusteringLayer> {
    @Override
    public Flow call(ClusteringLayer layer, LayerCall call) {
        Ops tf = call.tf();
        Operand<TFloat32> z = tf.expandDims(call.input().value(), tf.constant(1));          // (batch, 1, features)
        Operand<TFloat32> diff = tf.math.sub(z, call.weight("clusters"));                    // (batch, k, features)
        Operand<TFloat32> dist = tf.reduceSum(tf.math.square(diff), tf.constant(new int[] {2}));
        float alpha = (float) layer.alpha();
        Operand<TFloat32> q = tf.math.pow(tf.math.add(tf.constant(1f), tf.math.div(dist, tf.constant(alpha))),
                tf.constant(-(alpha + 1f) / 2f));
        Operand<TInt32> clusters = tf.constant(new int[] {1});
        return Flow.of(tf.math.div(q, tf.reduceSum(q, clusters, org.tensorflow.op.core.ReduceSum.keepDims(true))));
    }
}
