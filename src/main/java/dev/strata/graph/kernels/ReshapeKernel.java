package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.TensorShape;
import dev.strata.spec.layers.Reshape;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras {@code Reshape}: to the output shape the spec resolved (the -1 computed when the input is known); with an
 * unknown dimension left, the batch size comes from the runtime shape, as Keras does, so only one -1 remains.
 */
public final class ReshapeKernel implements LayerKernel<Reshape> {

    @Override
    public Flow call(Reshape r, LayerCall call) {
        Ops tf = call.tf();
        Operand<TFloat32> x = call.input().value();
        TensorShape out = call.outputShape();
        if (out.isFullyDefined()) {
            return Flow.of(tf.reshape(x, tf.constant(ReshapingOps.batchShape(out))));
        }
        return Flow.of(tf.reshape(x, tf.concat(List.of(ReshapingOps.slice(tf, tf.shape(x), 0, 1),
                tf.constant(out.dims())), tf.constant(0))));
    }
}
