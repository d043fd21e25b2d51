package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.TensorShape;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Keras 3's merge layers op for op ({@code keras/src/layers/merging}, TensorFlow backend), so values, masks and
 * gradients (ties included) are Keras's. Masks are (batch, steps) booleans of inputs (batch, steps, features).
 */
final class MergeOps {
    private MergeOps() {
    }

    /** A merge of same-rank inputs, given the masks Keras's merge function sees (null where none). */
    @FunctionalInterface
    interface Combine {
        Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> xs, List<Operand<TBool>> masks);
    }

    static String where(Layer layer) {
        return "layer " + (layer.name() == null ? "(unnamed)" : "'" + layer.name() + "'") + " ("
                + layer.kerasClassName() + ")";
    }

    /** Static rank with the batch; merges branch on it as Keras does on {@code ops.ndim}. */
    static int rank(Operand<?> x, String where) {
        int r = x.shape().numDimensions();
        if (r < 0) {
            throw new InvalidSpecException(where, "inbound_nodes", "needs inputs of known rank");
        }
        return r;
    }

    /**
     * Keras's base {@code Merge.call}: inputs of lower rank get axes inserted after the batch until all ranks are
     * equal. An expanded tensor is a new one without a mask, so the merge function sees only the masks of inputs
     * of the highest rank, and those masks must be (batch, steps) of (batch, steps, features) inputs
     * ({@code maskedOps}: Keras broadcasts them against the values).
     */
    static Flow elementwise(Layer layer, LayerCall call, boolean maskedOps, Combine combine) {
        Ops tf = call.tf();
        String where = where(layer);
        List<Flow> in = call.inputs();
        int max = 0;
        for (Flow f : in) {
            max = Math.max(max, rank(f.value(), where));
        }
        List<Operand<TFloat32>> xs = new ArrayList<>();
        List<Operand<TBool>> masks = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Operand<TFloat32> x = in.get(i).value();
            int r = rank(x, where);
            for (int k = r; k < max; k++) {
                x = tf.expandDims(x, tf.constant(1));
            }
            xs.add(x);
            Operand<TBool> m = r == max ? in.get(i).mask() : null;
            if (m != null && maskedOps && r != 3) {
                throw maskRank(where, i, in.get(i));
            }
            masks.add(m);
        }
        Flow out = Flow.of(combine.apply(tf, xs, masks));
        return out.withMask(orOfMasks(tf, in, where));
    }

    /**
     * Keras's {@code Merge.compute_mask}: the logical or of the inputs' masks when every input has one, else none.
     * Masks of inputs of different ranks would be or-ed across unrelated axes: refused.
     */
    static Operand<TBool> orOfMasks(Ops tf, List<Flow> in, String where) {
        if (in.stream().anyMatch(f -> f.mask() == null)) {
            return null;
        }
        Operand<TBool> out = null;
        for (Flow f : in) {
            if (rank(f.value(), where) != rank(in.get(0).value(), where)) {
                throw new InvalidSpecException(where, "mask", "cannot merge the masks of inputs of different ranks "
                        + "(Keras or-s them across unrelated axes); give the lower-rank inputs no mask");
            }
            out = out == null ? f.mask() : tf.math.logicalOr(out, f.mask());
        }
        return out;
    }

    static InvalidSpecException maskRank(String where, int input, Flow f) {
        return new InvalidSpecException(where, "mask", "merges a mask (batch, steps) only on an input (batch, "
                + "steps, features), as Keras 3 broadcasts it; input " + input + " has shape "
                + f.value().shape() + " and a mask");
    }

    /** Keras's {@code Add}: {@code ((x0 + x1) + x2) + ...}. */
    static Operand<TFloat32> sum(Ops tf, List<Operand<TFloat32>> xs) {
        Operand<TFloat32> out = xs.get(0);
        for (int i = 1; i < xs.size(); i++) {
            out = tf.math.add(out, xs.get(i));
        }
        return out;
    }

    /** Keras's {@code Average}: the sum divided (RealDiv) by the count. */
    static Operand<TFloat32> average(Ops tf, List<Operand<TFloat32>> xs) {
        return tf.math.realDiv(sum(tf, xs), tf.constant((float) xs.size()));
    }

    /** The mask of a (batch, steps, features) input broadcast over its features, as Keras's merge functions do. */
    private static Operand<TBool> spread(Ops tf, Operand<TBool> mask, Operand<TFloat32> x) {
        return tf.broadcastTo(tf.expandDims(mask, tf.constant(-1)), tf.shape(x));
    }

    /**
     * Keras's {@code Multiply}: a masked input is 1 at its masked steps; when every input has a mask the product
     * is 0 where none is set.
     */
    static Operand<TFloat32> multiply(Ops tf, List<Operand<TFloat32>> xs, List<Operand<TBool>> masks) {
        boolean all = masks.stream().allMatch(m -> m != null);
        Operand<TFloat32> out = null;
        Operand<TBool> outMask = null;
        for (int i = 0; i < xs.size(); i++) {
            Operand<TFloat32> x = xs.get(i);
            if (masks.get(i) != null) {
                Operand<TBool> m = spread(tf, masks.get(i), x);
                x = tf.select(m, x, tf.constant(1f));
                if (all) {
                    outMask = outMask == null ? m : tf.math.logicalOr(outMask, m);
                }
            }
            out = out == null ? x : tf.math.mul(out, x);
        }
        return all ? tf.select(outMask, out, tf.constant(0f)) : out;
    }

    /**
     * Keras's {@code _apply_merge_op_and_or_mask} for {@code Maximum} and {@code Minimum}: pairwise in input order
     * with the running result first (TensorFlow gives it the gradient at a tie); a masked step takes the other
     * operand's value.
     */
    static Operand<TFloat32> extremum(Ops tf, List<Operand<TFloat32>> xs, List<Operand<TBool>> masks,
                                      boolean maximum) {
        Operand<TFloat32> out = null;
        Operand<TBool> outMask = null;
        for (int i = 0; i < xs.size(); i++) {
            Operand<TFloat32> x = xs.get(i);
            Operand<TBool> m = masks.get(i) == null ? null : spread(tf, masks.get(i), x);
            if (out == null) {
                out = x;
                outMask = m;
                continue;
            }
            if (m != null) {
                x = tf.select(m, x, out);
            }
            if (outMask != null) {
                out = tf.select(outMask, out, x);
            }
            outMask = m != null && outMask != null ? tf.math.logicalOr(outMask, m) : null;
            out = maximum ? tf.math.maximum(out, x) : tf.math.minimum(out, x);
        }
        return out;
    }

    /**
     * Keras's {@code Concatenate.compute_mask}: each input's mask spread over its features (all set for an
     * unmasked input), joined along the axis, then any over the last axis.
     */
    static Operand<TBool> concatenatedMask(Ops tf, List<Flow> in, int axis, String where) {
        if (in.stream().allMatch(f -> f.mask() == null)) {
            return null;
        }
        List<Operand<TBool>> parts = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Flow f = in.get(i);
            if (rank(f.value(), where) != 3) {
                throw new InvalidSpecException(where, "mask", "joins masks (batch, steps) only of inputs (batch, "
                        + "steps, features), as Keras 3 broadcasts them; input " + i + " has shape "
                        + f.value().shape() + " and another input has a mask");
            }
            Operand<TBool> m = f.mask() == null ? tf.fill(tf.shape(f.value()), tf.constant(true))
                    : tf.math.logicalOr(tf.expandDims(f.mask(), tf.constant(-1)),
                    tf.fill(tf.shape(f.value()), tf.constant(false)));
            parts.add(m);
        }
        return tf.reduceAny(tf.concat(parts, tf.constant(axis)), tf.constant(-1));
    }

    /** The static shape of one example of {@code x}, for the axis rules of the specs. */
    static TensorShape exampleShape(Operand<TFloat32> x, String where) {
        int[] dims = new int[rank(x, where) - 1];
        for (int i = 0; i < dims.length; i++) {
            long d = x.shape().size(i + 1);
            dims[i] = d < 0 ? TensorShape.UNKNOWN : (int) d;
        }
        return TensorShape.of(dims);
    }

    static List<Operand<TFloat32>> values(List<Flow> in) {
        return in.stream().map(Flow::value).toList();
    }
}
