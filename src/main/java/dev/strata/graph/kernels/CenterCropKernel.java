package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.CenterCrop;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras {@code CenterCrop} when the image is at least the target size: a slice starting at
 * {@code (size - target) // 2} on the rows and columns axes, computed from {@code tf.shape} so unknown sizes are
 * cropped when the graph runs (TensorFlow constant-folds known ones).
 */
public final class CenterCropKernel implements LayerKernel<CenterCrop> {

    @Override
    public Flow call(CenterCrop layer, LayerCall call) {
        Ops tf = call.tf();
        Operand<TFloat32> x = call.input().value();
        int rows = layer.rowsAxis();
        int[] target = new int[4];
        int[] cropped = new int[4];
        int[] size = {-1, -1, -1, -1};
        target[rows] = layer.height();
        target[rows + 1] = layer.width();
        cropped[rows] = cropped[rows + 1] = 1;
        size[rows] = layer.height();
        size[rows + 1] = layer.width();
        // (shape - target) * cropped is the margin on the two image axes and 0 elsewhere; floor division as Python.
        Operand<TInt32> margin = tf.math.mul(tf.math.sub(tf.shape(x), tf.constant(target)), tf.constant(cropped));
        Operand<TInt32> begin = tf.math.floorDiv(margin, tf.constant(2));
        return Flow.of(tf.slice(x, begin, tf.constant(size)));
    }
}
