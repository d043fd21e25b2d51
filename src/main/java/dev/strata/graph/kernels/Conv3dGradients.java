package dev.strata.graph.kernels;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.Conv3d;
import org.tensorflow.op.nn.Conv3dBackpropFilter;
import org.tensorflow.op.nn.Conv3dBackpropInput;
import org.tensorflow.types.TFloat32;

/**
 * Gradients TensorFlow's C API lacks (its Python layer defines them): {@code Conv3D} and
 * {@code Conv3DBackpropInputV2} (the transposed 3D convolution). Both are registered once per process, before the
 * first graph with a 3D convolution is built, as TensorFlow's Python {@code _Conv3DGrad} and
 * {@code _Conv3DBackpropInputGrad} define them.
 */
final class Conv3dGradients {
    private Conv3dGradients() {
    }

    /** Registers both gradients unless already registered; thread-safe and idempotent. */
    static void ensureRegistered() {
        Holder.touch();
    }

    private static final class Holder {
        static {
            TensorFlow.registerCustomGradient("Conv3D", Conv3dGradients::conv3d);
            TensorFlow.registerCustomGradient("Conv3DBackpropInputV2", Conv3dGradients::conv3dBackpropInput);
        }

        static void touch() {
            // loading the class ran the registrations
        }
    }

    /** d/d(input) is the transposed convolution of the gradient; d/d(filter) its filter gradient. */
    private static List<Operand<?>> conv3d(Ops tf, GraphOperation op, List<Output<?>> grads) {
        Attrs a = new Attrs(op);
        Operand<TFloat32> input = op.input(0).expect(TFloat32.class);
        Operand<TFloat32> filter = op.input(1).expect(TFloat32.class);
        Operand<TFloat32> grad = grads.get(0).expect(TFloat32.class);
        List<Operand<?>> out = new ArrayList<>(2);
        out.add(tf.nn.conv3dBackpropInput(tf.shape(input), filter, grad, a.strides, a.padding,
                Conv3dBackpropInput.dataFormat(a.format), Conv3dBackpropInput.dilations(a.dilations)));
        out.add(tf.nn.conv3dBackpropFilter(input, tf.shape(filter), grad, a.strides, a.padding,
                Conv3dBackpropFilter.dataFormat(a.format), Conv3dBackpropFilter.dilations(a.dilations)));
        return out;
    }

    /**
     * Inputs (input_sizes, filter, out_backprop): no gradient for the sizes (zeros), the filter gradient, and for
     * out_backprop the forward convolution of the gradient.
     */
    private static List<Operand<?>> conv3dBackpropInput(Ops tf, GraphOperation op, List<Output<?>> grads) {
        Attrs a = new Attrs(op);
        Operand<?> sizes = op.input(0);
        Operand<TFloat32> filter = op.input(1).expect(TFloat32.class);
        Operand<TFloat32> outBackprop = op.input(2).expect(TFloat32.class);
        Operand<TFloat32> grad = grads.get(0).expect(TFloat32.class);
        List<Operand<?>> out = new ArrayList<>(3);
        out.add(tf.zerosLike(sizes));
        out.add(tf.nn.conv3dBackpropFilter(grad, tf.shape(filter), outBackprop, a.strides, a.padding,
                Conv3dBackpropFilter.dataFormat(a.format), Conv3dBackpropFilter.dilations(a.dilations)));
        out.add(tf.nn.conv3d(grad, filter, a.strides, a.padding, Conv3d.dataFormat(a.format),
                Conv3d.dilations(a.dilations)));
        return out;
    }

    /** The attributes every 3D convolution op carries. */
    private static final class Attrs {
        final List<Long> strides;
        final String padding;
        final String format;
        final List<Long> dilations;

        Attrs(GraphOperation op) {
            strides = longs(op.attributes().getAttrIntList("strides"));
            padding = op.attributes().getAttrString("padding");
            format = op.attributes().getAttrString("data_format");
            dilations = longs(op.attributes().getAttrIntList("dilations"));
        }

        private static List<Long> longs(long[] values) {
            List<Long> out = new ArrayList<>(values.length);
            for (long v : values) {
                out.add(v);
            }
            return out;
        }
    }
}
