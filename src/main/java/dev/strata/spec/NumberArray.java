package dev.strata.spec;

import java.util.Arrays;
import java.util.Locale;

/**
 * An immutable number or regular nested list of numbers, as Keras takes {@code Rescaling(scale=...)} or
 * {@code Normalization(mean=...)}: a Python float ({@code shape} empty) or a list such as {@code [0.5, 0.2]}.
 * Values are held as doubles, as JSON has them; kernels round them to float32 as Keras casts them. Equality is
 * by shape and value, so specs holding arrays compare as data.
 */
public final class NumberArray {
    private final int[] shape;
    private final double[] values;

    private NumberArray(int[] shape, double[] values) {
        this.shape = shape;
        this.values = values;
    }

    /** A plain number. */
    public static NumberArray scalar(double value) {
        return new NumberArray(new int[0], new double[] {value});
    }

    /** A flat list: {@code NumberArray.of(0.5, 0.2, 0.1)} is {@code [0.5, 0.2, 0.1]}. */
    public static NumberArray of(double... values) {
        return new NumberArray(new int[] {values.length}, values.clone());
    }

    /** A nested list of the given shape, values in row-major order; an empty shape is a plain number. */
    public static NumberArray of(int[] shape, double[] values) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, not "
                    + values.length);
        }
        return new NumberArray(shape.clone(), values.clone());
    }

    /** The list's dimensions; empty for a plain number. */
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public boolean isScalar() {
        return shape.length == 0;
    }

    public int size() {
        return values.length;
    }

    public double get(int i) {
        return values[i];
    }

    /** The values in row-major order. */
    public double[] values() {
        return values.clone();
    }

    /** The values rounded to float32, as Keras casts them to the layer's compute dtype. */
    public float[] floats() {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumberArray a && Arrays.equals(shape, a.shape) && Arrays.equals(values, a.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    /** Python notation: {@code 0.5} or {@code [[1.0, 2.0]]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        append(sb, 0, 0);
        return sb.toString();
    }

    private int append(StringBuilder sb, int dim, int offset) {
        if (dim == shape.length) {
            sb.append(num(values[offset]));
            return offset + 1;
        }
        sb.append('[');
        for (int i = 0; i < shape[dim]; i++) {
            sb.append(i > 0 ? ", " : "");
            offset = append(sb, dim + 1, offset);
        }
        sb.append(']');
        return offset;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.1f", v) : Double.toString(v);
    }
}
