package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Dropout;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras {@code Dropout}: in training, keep with probability {@code 1 - rate} and scale by {@code 1 / (1 - rate)};
 * with a noise shape, one draw per slice, broadcast.
 */
public final class DropoutKernel implements LayerKernel<Dropout> {

    @Override
    public Flow call(Dropout d, LayerCall call) {
        if (!call.noise() || d.rate() == 0) {
            return call.input(); // the same tensor, as Keras returns it: a softmax before it keeps its logits
        }
        Operand<TFloat32> x = call.input().value();
        return Flow.of(Noise.dropout(call, x, d.rate(), d.seed(), d.noiseShape() == null ? null
                : noiseShape(call.tf(), x, d.noiseShape().toArray())));
    }

    /** Keras's concrete noise shape: each null (-1) entry is the input's size there, from {@code tf.shape}. */
    private static Operand<TInt32> noiseShape(Ops tf, Operand<TFloat32> x, int[] dims) {
        int[] fromInput = new int[dims.length];
        int[] fixed = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            fromInput[i] = dims[i] == -1 ? 1 : 0;
            fixed[i] = dims[i] == -1 ? 0 : dims[i];
        }
        return tf.math.add(tf.math.mul(tf.shape(x), tf.constant(fromInput)), tf.constant(fixed));
    }
}
