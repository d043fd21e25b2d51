package dev.strata.spec.layers;

import dev.strata.spec.IntTuple;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.TensorShape;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The shape rules of Keras's merge layers ({@code keras/src/layers/merging}), on shapes without the batch axis;
 * axes given by the user count the batch as axis 0, as Keras's do. Every refusal names the layer and the shapes.
 */
final class MergeShapes {
    private static final String INBOUND = "inbound_nodes";

    private MergeShapes() {
    }

    /** The refusal of {@code outputShape(one input)}: a merge layer is called on a list, never on one tensor. */
    static InvalidSpecException notOneInput(String where, String what, TensorShape input) {
        return new InvalidSpecException(where, INBOUND, what + " merges several input tensors and must be called "
                + "on a list of them (in a functional model), not on a single tensor. Received input shape " + input);
    }

    static void requireCount(List<TensorShape> inputs, int min, int max, String where, String what) {
        if (inputs.size() < min || inputs.size() > max) {
            String want = min == max ? "exactly " + min : "at least " + min;
            throw new InvalidSpecException(where, INBOUND, what + " takes " + want + " input tensor"
                    + (min == 1 ? "" : "s") + ". Received " + inputs.size() + ": " + inputs);
        }
    }

    /**
     * Keras's broadcasting of elementwise merges: shapes are aligned on their last axes (a shorter one is expanded
     * after the batch axis); aligned dimensions must be equal or 1, and an unknown one gives an unknown one.
     */
    static TensorShape elementwise(List<TensorShape> inputs, String where, String what) {
        int[] out = inputs.get(0).dims();
        for (int i = 1; i < inputs.size(); i++) {
            out = broadcast(out, inputs.get(i).dims(), inputs, where, what);
        }
        return TensorShape.of(out);
    }

    private static int[] broadcast(int[] a, int[] b, List<TensorShape> inputs, String where, String what) {
        int[] longer = a.length >= b.length ? a : b;
        int[] shorter = a.length >= b.length ? b : a;
        int[] out = longer.clone();
        int offset = longer.length - shorter.length;
        for (int k = 0; k < shorter.length; k++) {
            int i = longer[offset + k];
            int j = shorter[k];
            if (i == TensorShape.UNKNOWN || j == TensorShape.UNKNOWN) {
                out[offset + k] = TensorShape.UNKNOWN;
            } else if (i == 1) {
                out[offset + k] = j;
            } else if (j != 1 && i != j) {
                throw new InvalidSpecException(where, INBOUND, what + " inputs have incompatible shapes: aligned "
                        + "on their last axes, each dimension must be equal or 1 (" + TensorShape.of(a) + " and "
                        + TensorShape.of(b) + "). Received input shapes " + inputs);
            }
        }
        return out;
    }

    /** A user axis (batch is 0, negative counts from the end) on inputs of {@code rank} dimensions plus batch. */
    static int axis(int axis, int rank, String where, String key, String what, Object shapes) {
        int full = rank + 1;
        if (axis < -full || axis >= full) {
            throw new InvalidSpecException(where, key, "is out of range for inputs of rank " + full + " (batch "
                    + "included). Received: " + key + "=" + axis + ", input shapes " + shapes);
        }
        int a = axis < 0 ? axis + full : axis;
        if (a == 0) {
            throw new InvalidSpecException(where, key, "names the batch axis; " + what + " works within each "
                    + "example. Received: " + key + "=" + axis + ", input shapes " + shapes);
        }
        return a;
    }

    /**
     * Concatenation along {@code axis}: equal ranks, and the other dimensions must agree where known (Keras 3);
     * with {@code exact} (Keras 1's Merge) they must be equal, unknown ones included. The output takes the first
     * input's other dimensions, as Keras's.
     */
    static TensorShape concatenate(List<TensorShape> inputs, int axis, boolean exact, String where, String key,
                                   String what) {
        int rank = inputs.get(0).rank();
        for (TensorShape s : inputs) {
            if (s.rank() != rank) {
                throw mismatch(inputs, where, what);
            }
        }
        int a = axis(axis, rank, where, key, what, inputs) - 1;
        for (int d = 0; d < rank; d++) {
            Set<Integer> seen = new HashSet<>();
            for (TensorShape s : inputs) {
                if (d != a && (exact || s.dim(d) != TensorShape.UNKNOWN)) {
                    seen.add(s.dim(d));
                }
            }
            if (seen.size() > 1) {
                throw mismatch(inputs, where, what);
            }
        }
        int[] out = inputs.get(0).dims();
        for (int i = 1; i < inputs.size(); i++) {
            int v = inputs.get(i).dim(a);
            if (out[a] == TensorShape.UNKNOWN || v == TensorShape.UNKNOWN) {
                out[a] = TensorShape.UNKNOWN;
                break;
            }
            out[a] = Shapes.checkedSize((long) out[a] + v, where, inputs.get(0), what);
        }
        return TensorShape.of(out);
    }

    private static InvalidSpecException mismatch(List<TensorShape> inputs, String where, String what) {
        return new InvalidSpecException(where, INBOUND, what + " needs inputs of one rank whose shapes match except "
                + "along the concatenation axis. Received input shapes " + inputs);
    }

    /**
     * The two contracted axes of a batched dot product, counting the batch as 0: one int for both inputs (negative
     * from each one's end) or one per input, as Keras's {@code Dot(axes)}.
     */
    static int[] dotAxes(IntTuple axes, TensorShape x, TensorShape y, String where, String key, String what) {
        if (axes.size() != 1 && axes.size() != 2) {
            throw new InvalidSpecException(where, key, "must be an integer or a pair of integers. Received: "
                    + key + "=" + axes);
        }
        List<TensorShape> shapes = List.of(x, y);
        if (x.rank() < 1 || y.rank() < 1) {
            throw new InvalidSpecException(where, INBOUND, what + " needs inputs of rank >= 2 (batch, ...). "
                    + "Received input shapes " + shapes);
        }
        int a0 = axis(axes.get(0), x.rank(), where, key, what, shapes);
        int a1 = axis(axes.get(axes.size() - 1), y.rank(), where, key, what, shapes);
        return new int[] {a0, a1};
    }

    /**
     * Keras's {@code batch_dot} shape: the first input's dimensions without its contracted one, then the second's
     * without its contracted one; a result of rank 1 (batch only) becomes (batch, 1). The contracted dimensions
     * must be equal; Keras refuses an unknown one against a known one.
     */
    static TensorShape dot(TensorShape x, TensorShape y, int[] axes, String where, String what) {
        int d0 = x.dim(axes[0] - 1);
        int d1 = y.dim(axes[1] - 1);
        if (d0 != d1) {
            throw new InvalidSpecException(where, INBOUND, what + " contracts dimensions of different sizes: "
                    + dim(d0) + " (axis " + axes[0] + " of " + x + ") and " + dim(d1) + " (axis " + axes[1] + " of "
                    + y + ")");
        }
        int[] out = new int[x.rank() + y.rank() - 2];
        int n = 0;
        for (int i = 0; i < x.rank(); i++) {
            if (i != axes[0] - 1) {
                out[n++] = x.dim(i);
            }
        }
        for (int i = 0; i < y.rank(); i++) {
            if (i != axes[1] - 1) {
                out[n++] = y.dim(i);
            }
        }
        return out.length == 0 ? TensorShape.of(1) : TensorShape.of(out);
    }

    private static String dim(int d) {
        return d == TensorShape.UNKNOWN ? "None" : Integer.toString(d);
    }

    /** Keras 1's Merge: every input of one shape, unknown dimensions included. */
    static void requireSameShapes(List<TensorShape> inputs, String where, String what) {
        for (TensorShape s : inputs) {
            if (!s.equals(inputs.get(0))) {
                throw new InvalidSpecException(where, INBOUND, what + " needs inputs of one shape. Received input "
                        + "shapes " + inputs);
            }
        }
    }
}
