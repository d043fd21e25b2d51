package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Concatenate;
import java.util.List;
import org.tensorflow.op.Ops;

/** Keras {@code Concatenate}: one ConcatV2 along the axis; masks joined as Keras 3 joins them. */
public final class ConcatenateKernel implements LayerKernel<Concatenate> {

    @Override
    public Flow call(Concatenate layer, LayerCall call) {
        Ops tf = call.tf();
        String where = MergeOps.where(layer);
        List<Flow> in = call.inputs();
        int axis = layer.resolvedAxis(List.of(MergeOps.exampleShape(in.get(0).value(), where)), where);
        Flow out = Flow.of(tf.concat(MergeOps.values(in), tf.constant(axis)));
        return out.withMask(MergeOps.concatenatedMask(tf, in, axis, where));
    }
}
