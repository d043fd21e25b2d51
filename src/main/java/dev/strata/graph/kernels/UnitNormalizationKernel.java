package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.UnitNormalization;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;

/**
 * Keras {@code UnitNormalization} (ops.normalize with order 2 and epsilon 1e-12), op for op: {@code x *
 * minimum(rsqrt(reduce_sum(square(x), axes, keepdims)), 1 / 1e-12)}, so the gradient is TensorFlow's for the
 * same ops.
 */
public final class UnitNormalizationKernel implements LayerKernel<UnitNormalization> {
    private static final float MAX_INVERSE_NORM = (float) (1.0 / 1e-12);

    @Override
    public Flow call(UnitNormalization layer, LayerCall call) {
        Ops tf = call.tf();
        Operand<TFloat32> x = call.input().value();
        int[] axes = layer.axes(call.inputShape(), layer.name());
        Operand<TFloat32> squareSum = tf.reduceSum(tf.math.square(x), tf.constant(axes), ReduceSum.keepDims(true));
        Operand<TFloat32> inverse = tf.math.minimum(tf.math.rsqrt(squareSum), tf.constant(MAX_INVERSE_NORM));
        return Flow.of(tf.math.mul(x, inverse));
    }
}
