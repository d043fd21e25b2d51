package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.TensorShape;
import dev.strata.spec.layers.DataFormat;
import dev.strata.spec.layers.Interpolation;
import dev.strata.spec.layers.UpSampling2D;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras {@code UpSampling2D}. Nearest repeats rows then columns ({@code ops.repeat}, as Keras, rather than a
 * resize). Bilinear is Keras 3's {@code tf.image.resize(method="bilinear", antialias=False)}, which is
 * {@code ResizeBilinear} with half-pixel centers and without corner alignment, on channels-last images.
 */
public final class UpSampling2DKernel implements LayerKernel<UpSampling2D> {

    @Override
    public Flow call(UpSampling2D u, LayerCall call) {
        Ops tf = call.tf();
        Operand<TFloat32> x = call.input().value();
        TensorShape shape = call.inputShape();
        if (u.interpolation() == Interpolation.NEAREST) {
            for (int i = 0; i < 2; i++) {
                int axis = ReshapingOps.spatialAxis(u.dataFormat(), i);
                x = ReshapingOps.repeat(tf, x, shape, axis, u.size().get(i));
                shape = ReshapingOps.scaled(shape, axis - 1, u.size().get(i));
            }
            return Flow.of(x);
        }
        boolean first = u.dataFormat() == DataFormat.CHANNELS_FIRST;
        if (first) {
            x = Layouts.toChannelsLast(tf, x, 3);
        }
        int rows = shape.dim(first ? 1 : 0);
        int cols = shape.dim(first ? 2 : 1);
        Operand<TInt32> size;
        if (rows != TensorShape.UNKNOWN && cols != TensorShape.UNKNOWN) {
            size = tf.constant(new int[] {rows * u.size().get(0), cols * u.size().get(1)});
        } else {
            size = tf.math.mul(ReshapingOps.slice(tf, tf.shape(x), 1, 2),
                    tf.constant(new int[] {u.size().get(0), u.size().get(1)}));
        }
        Operand<TFloat32> y = tf.image.resizeBilinear(x, size, ResizeBilinear.alignCorners(false),
                ResizeBilinear.halfPixelCenters(true));
        return Flow.of(first ? Layouts.toChannelsFirst(tf, y, 3) : y);
    }
}
