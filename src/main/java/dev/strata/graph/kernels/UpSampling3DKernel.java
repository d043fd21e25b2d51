package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.TensorShape;
import dev.strata.spec.layers.UpSampling3D;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Keras {@code UpSampling3D}: {@code ops.repeat} along each spatial axis in turn. */
public final class UpSampling3DKernel implements LayerKernel<UpSampling3D> {

    @Override
    public Flow call(UpSampling3D u, LayerCall call) {
        Operand<TFloat32> x = call.input().value();
        TensorShape shape = call.inputShape();
        for (int i = 0; i < 3; i++) {
            int axis = ReshapingOps.spatialAxis(u.dataFormat(), i);
            x = ReshapingOps.repeat(call.tf(), x, shape, axis, u.size().get(i));
            shape = ReshapingOps.scaled(shape, axis - 1, u.size().get(i));
        }
        return Flow.of(x);
    }
}
