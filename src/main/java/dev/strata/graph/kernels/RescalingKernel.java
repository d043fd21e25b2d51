package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.NumberArray;
import dev.strata.spec.layers.Rescaling;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras {@code Rescaling}: {@code x * scale + offset} with both cast to float32 first, as Keras casts them to the
 * compute dtype; TensorFlow broadcasts a list against the input as NumPy does.
 */
public final class RescalingKernel implements LayerKernel<Rescaling> {

    @Override
    public Flow call(Rescaling layer, LayerCall call) {
        Ops tf = call.tf();
        Operand<TFloat32> x = call.input().value();
        return Flow.of(tf.math.add(tf.math.mul(x, constant(tf, layer.scale())), constant(tf, layer.offset())));
    }

    /** The array as a float32 constant of its own shape (a scalar for a plain number). */
    static Operand<TFloat32> constant(Ops tf, NumberArray a) {
        if (a.isScalar()) {
            return tf.constant((float) a.get(0));
        }
        return tf.reshape(tf.constant(a.floats()), tf.constant(a.shape()));
    }
}
