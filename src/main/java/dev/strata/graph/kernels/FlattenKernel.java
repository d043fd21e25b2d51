package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.DataFormat;
import dev.strata.spec.layers.Flatten;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras {@code Flatten}; channels-first inputs are transposed to channels-last first, as Keras does. */
public final class FlattenKernel implements LayerKernel<Flatten> {

    @Override
    public Flow call(Flatten f, LayerCall call) {
        Ops tf = call.tf();
        Operand<TFloat32> x = call.input().value();
        int rank = call.inputShape().rank();
        if (f.dataFormat() == DataFormat.CHANNELS_FIRST && rank > 1) {
            x = Layouts.toChannelsLast(tf, x, rank);
        }
        return Flow.of(tf.reshape(x, tf.constant(new int[] {-1, (int) call.outputShape().size()})));
    }
}
