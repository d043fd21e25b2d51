package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Dot;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Keras {@code Dot}: Keras's {@code batch_dot}, after its L2 normalization when asked; no output mask. */
public final class DotKernel implements LayerKernel<Dot> {

    @Override
    public Flow call(Dot layer, LayerCall call) {
        String where = MergeOps.where(layer);
        List<Flow> in = call.inputs();
        Operand<TFloat32> x = in.get(0).value();
        Operand<TFloat32> y = in.get(1).value();
        int[] axes = layer.contractedAxes(MergeOps.exampleShape(x, where), MergeOps.exampleShape(y, where), where);
        return Flow.of(BatchDot.dot(call.tf(), x, y, axes[0], axes[1], layer.normalize(), where));
    }

}
