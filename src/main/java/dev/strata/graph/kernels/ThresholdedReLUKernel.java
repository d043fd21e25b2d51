package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.ThresholdedReLU;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras 2's {@code ThresholdedReLU}, {@code x * cast(x > theta)}, as a select (same values and gradient; the
 * cast's path would need gradients for the comparison and the bool cast).
 */
public final class ThresholdedReLUKernel implements LayerKernel<ThresholdedReLU> {

    @Override
    public Flow call(ThresholdedReLU layer, LayerCall call) {
        Ops tf = call.tf();
        Operand<TFloat32> x = call.input().value();
        return Flow.of(tf.select(tf.math.greater(x, tf.constant((float) layer.theta())), x, tf.constant(0f)));
    }
}
