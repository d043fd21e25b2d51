package dev.strata.spec;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable tuple of ints, as Keras writes {@code kernel_size}, {@code strides}, {@code dims} or a padding
 * of pairs: {@code IntTuple.of(3, 3)}. Equality is by value, so specs holding tuples compare as data.
 */
public final class IntTuple {
    private final int[] values;

    private IntTuple(int[] values) {
        this.values = values;
    }

    public static IntTuple of(int... values) {
        return new IntTuple(values.clone());
    }

    /** The same value {@code rank} times: Keras's {@code kernel_size=3} for a 2D layer is {@code (3, 3)}. */
    public static IntTuple repeat(int value, int rank) {
        int[] v = new int[rank];
        Arrays.fill(v, value);
        return new IntTuple(v);
    }

    public static IntTuple of(List<Integer> values) {
        int[] v = new int[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        return new IntTuple(v);
    }

    public int size() {
        return values.length;
    }

    public int get(int i) {
        return values[i];
    }

    public int[] toArray() {
        return values.clone();
    }

    public List<Integer> toList() {
        return Arrays.stream(values).boxed().toList();
    }

    /** True when every entry is {@code value}. */
    public boolean all(int value) {
        for (int v : values) {
            if (v != value) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntTuple t && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    /** Python tuple notation: {@code (3, 3)}, {@code (2,)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            sb.append(i > 0 ? ", " : "").append(values[i]);
        }
        return sb.append(values.length == 1 ? ",)" : ")").toString();
    }
}
