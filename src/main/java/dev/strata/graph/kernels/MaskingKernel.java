package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Masking;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Any;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Keras {@code Masking}: {@code keep = any(x != mask_value, axis=-1)}; the output is {@code where(keep, x, 0)}
 * (so the gradient is 1 on kept steps and 0 on masked ones, as Keras's) and carries {@code keep} as its mask,
 * replacing any mask of the input, as Keras's {@code compute_mask} does.
 */
public final class MaskingKernel implements LayerKernel<Masking> {

    @Override
    public Flow call(Masking layer, LayerCall call) {
        Ops tf = call.tf();
        Operand<TFloat32> x = call.input().value();
        Operand<TBool> keep = tf.any(tf.math.notEqual(x, tf.constant((float) layer.maskValue())), tf.constant(-1),
                Any.keepDims(true));
        Operand<TFloat32> out = tf.select(keep, x, tf.zerosLike(x));
        return Flow.of(out).withMask(tf.squeeze(keep, Squeeze.axis(new Long[] {-1L})));
    }
}
