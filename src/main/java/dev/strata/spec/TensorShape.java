package dev.strata.spec;

import java.util.Arrays;

/**
 * The shape of one example, without the batch dimension; {@code -1} stands for a dimension Keras writes
 * as {@code None}. Immutable: the array never escapes.
 */
public final class TensorShape {
    public static final int UNKNOWN = -1;
    /**
     * TensorFlow's limit is 254 axes per tensor (the batch axis included); a bigger shape aborts the process in
     * {@code tensor_shape.cc}, so it is refused here, before any graph exists.
     */
    public static final int MAX_RANK = 253;

    private final int[] dims;

    private TensorShape(int[] dims) {
        this.dims = dims;
    }

    public static TensorShape of(int... dims) {
        if (dims.length > MAX_RANK) {
            throw new InvalidSpecException("shape", null, "TensorFlow tensors have at most 254 axes, the batch axis "
                    + "included; this shape has " + (dims.length + 1));
        }
        for (int d : dims) {
            if (d < UNKNOWN || d == 0) {
                throw new InvalidSpecException("input shape", null,
                        "dimensions must be positive or None (-1). Received: " + Arrays.toString(dims));
            }
        }
        return new TensorShape(dims.clone());
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int axis) {
        return dims[axis < 0 ? dims.length + axis : axis];
    }

    public int[] dims() {
        return dims.clone();
    }

    public boolean isFullyDefined() {
        for (int d : dims) {
            if (d == UNKNOWN) {
                return false;
            }
        }
        return true;
    }

    /** Product of the dimensions, or -1 where one is unknown. */
    public long size() {
        long n = 1;
        for (int d : dims) {
            if (d == UNKNOWN) {
                return UNKNOWN;
            }
            n *= d;
        }
        return n;
    }

    /** Same shape with its last dimension replaced. */
    public TensorShape withLast(int last) {
        int[] copy = dims.clone();
        copy[copy.length - 1] = last;
        return new TensorShape(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorShape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** Keras notation with the batch dimension: {@code (None, 784)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(None");
        for (int d : dims) {
            sb.append(", ").append(d == UNKNOWN ? "None" : Integer.toString(d));
        }
        return sb.append(')').toString();
    }
}
