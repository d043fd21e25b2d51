package dev.strata.train;

import dev.strata.spec.TensorShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;

/**
 * Examples in memory: inputs and targets as flat row-major float arrays with the shape of one example, one array
 * per model input and per model output (most models have one of each). Targets of a sparse classification are one
 * class index per example. Immutable views: slicing shares the arrays and copies nothing.
 */
public final class Dataset {
    /** The values of one input or target, every example's in turn, and the shape of one example. */
    record Part(float[] values, TensorShape shape) {
        int width() {
            return (int) shape.size();
        }
    }

    private final List<Part> inputs;
    private final List<Part> targets;
    private final int offset;
    private final int size;

    private Dataset(List<Part> inputs, List<Part> targets, int offset, int size) {
        this.inputs = List.copyOf(inputs);
        this.targets = targets == null ? null : List.copyOf(targets);
        this.offset = offset;
        this.size = size;
    }

    private Dataset(float[] x, TensorShape xShape, float[] y, TensorShape yShape, int offset, int size) {
        this(List.of(new Part(x, xShape)), y == null ? null : List.of(new Part(y, yShape)), offset, size);
    }

    /**
     * Several inputs and targets, in the model's input and output order: each a flat row-major array of
     * {@code examples * shape.size()} values. {@code ys} may be null (predict).
     */
    public static Dataset of(List<float[]> xs, List<TensorShape> xShapes, List<float[]> ys,
                             List<TensorShape> yShapes) {
        if (xs.isEmpty() || xs.size() != xShapes.size() || (ys != null && ys.size() != yShapes.size())) {
            throw new IllegalArgumentException("give one array and one shape per input and per target");
        }
        List<Part> in = new ArrayList<>();
        int n = -1;
        for (int i = 0; i < xs.size(); i++) {
            n = check(n, xs.get(i), xShapes.get(i), "input " + i);
            in.add(new Part(xs.get(i), xShapes.get(i)));
        }
        List<Part> out = null;
        if (ys != null) {
            out = new ArrayList<>();
            for (int i = 0; i < ys.size(); i++) {
                n = check(n, ys.get(i), yShapes.get(i), "target " + i);
                out.add(new Part(ys.get(i), yShapes.get(i)));
            }
        }
        return new Dataset(in, out, 0, n);
    }

    /** Rows per input and rows per target (each row one flattened example), in the model's order. */
    public static Dataset ofRows(List<float[][]> xs, List<float[][]> ys) {
        List<float[]> x = new ArrayList<>();
        List<TensorShape> xShapes = new ArrayList<>();
        for (float[][] rows : xs) {
            x.add(flatten(rows));
            xShapes.add(TensorShape.of(width(rows, "x")));
        }
        List<float[]> y = null;
        List<TensorShape> yShapes = null;
        if (ys != null) {
            y = new ArrayList<>();
            yShapes = new ArrayList<>();
            for (float[][] rows : ys) {
                y.add(flatten(rows));
                yShapes.add(TensorShape.of(width(rows, "y")));
            }
        }
        return of(x, xShapes, y, yShapes);
    }

    private static int check(int n, float[] values, TensorShape shape, String what) {
        long w = shape.size();
        if (w <= 0) {
            throw new IllegalArgumentException(what + ": the shape must be fully defined, was " + shape);
        }
        if (values.length % w != 0) {
            throw new IllegalArgumentException(what + " has " + values.length + " values, not a multiple of one "
                    + "example's " + w + " (shape " + shape + ")");
        }
        int count = (int) (values.length / w);
        if (n >= 0 && count != n) {
            throw new IllegalArgumentException(what + " has " + count + " examples, the first input has " + n);
        }
        return count;
    }

    /**
     * @param x {@code size * xShape.size()} inputs
     * @param y {@code size * yShape.size()} targets, or null for inputs only (predict)
     */
    public static Dataset of(float[] x, TensorShape xShape, float[] y, TensorShape yShape) {
        long xs = xShape.size();
        if (xs <= 0) {
            throw new IllegalArgumentException("input shape must be fully defined, was " + xShape);
        }
        if (x.length % xs != 0) {
            throw new IllegalArgumentException("x has " + x.length + " values, not a multiple of one example's "
                    + xs + " (shape " + xShape + ")");
        }
        int n = (int) (x.length / xs);
        if (y != null) {
            long ys = yShape.size();
            if (ys <= 0 || y.length != n * ys) {
                throw new IllegalArgumentException("y has " + y.length + " values; " + n + " examples of shape "
                        + yShape + " need " + (n * Math.max(ys, 0)));
            }
        }
        return new Dataset(x, xShape, y, yShape, 0, n);
    }

    /** Rows of features and rows of targets (one-hot, regression values or a single binary label). */
    public static Dataset of(float[][] x, float[][] y) {
        if (y != null && x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " rows but y has " + y.length);
        }
        return of(flatten(x), TensorShape.of(width(x, "x")), y == null ? null : flatten(y),
                y == null ? null : TensorShape.of(width(y, "y")));
    }

    /** Rows of features with one class index per row, for sparse categorical crossentropy. */
    public static Dataset of(float[][] x, int[] labels) {
        if (x.length != labels.length) {
            throw new IllegalArgumentException("x has " + x.length + " rows but there are " + labels.length + " labels");
        }
        float[] y = new float[labels.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels[i];
        }
        return of(flatten(x), TensorShape.of(width(x, "x")), y, TensorShape.of(1));
    }

    /** These inputs with rows of targets, one flattened example per row. */
    Dataset withTargetRows(float[][] y) {
        if (y == null) {
            return this;
        }
        if (y.length != size) {
            throw new IllegalArgumentException("x has " + size + " rows but y has " + y.length);
        }
        float[] flat = flatten(y);
        return new Dataset(inputs, List.of(new Part(flat, TensorShape.of(width(y, "y")))), offset, size);
    }

    /** Inputs only, for predict. */
    public static Dataset inputs(float[][] x) {
        return of(flatten(x), TensorShape.of(width(x, "x")), null, null);
    }

    /**
     * Examples from TensorFlow arrays whose first axis is the example axis: {@code x} of shape
     * {@code (n, ...)}, {@code y} of shape {@code (n, ...)} (or null for inputs only). A rank-1 array is one
     * value per example. The values are copied once, in bulk, into a flat array.
     */
    public static Dataset of(FloatNdArray x, FloatNdArray y) {
        int n = examples(x, "x");
        if (y != null && examples(y, "y") != n) {
            throw new IllegalArgumentException("x has " + n + " examples but y has " + y.shape().size(0));
        }
        return of(copy(x), exampleShape(x.shape(), "x"), y == null ? null : copy(y),
                y == null ? null : exampleShape(y.shape(), "y"));
    }

    /** Inputs only, for predict, from a TensorFlow array of shape {@code (n, ...)}. */
    public static Dataset inputs(FloatNdArray x) {
        return of(x, null);
    }

    public int size() {
        return size;
    }

    /** The shape of one example of the (first) input. */
    public TensorShape xShape() {
        return inputs.get(0).shape();
    }

    /** The shape of one example of the (first) target. */
    public TensorShape yShape() {
        return targets == null ? null : targets.get(0).shape();
    }

    /** The shape of one example of each input. */
    public List<TensorShape> xShapes() {
        return inputs.stream().map(Part::shape).toList();
    }

    /** The shape of one example of each target. */
    public List<TensorShape> yShapes() {
        return targets == null ? List.of() : targets.stream().map(Part::shape).toList();
    }

    public boolean hasTargets() {
        return targets != null;
    }

    /** Examples {@code [from, to)} of this view. */
    public Dataset slice(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + size + " examples");
        }
        return new Dataset(inputs, targets, offset + from, to - from);
    }

    /**
     * Keras {@code validation_split}: the last {@code fraction} of the examples, taken before any shuffling,
     * become the validation set. Returns {train, validation}.
     */
    public Dataset[] splitLast(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation split must be in (0, 1), was " + fraction);
        }
        int split = (int) (size * (1 - fraction));
        if (split == 0 || split == size) {
            throw new IllegalArgumentException("validation split " + fraction + " of " + size
                    + " examples leaves one side empty");
        }
        return new Dataset[] {slice(0, split), slice(split, size)};
    }

    float[] xArray() {
        return inputs.get(0).values();
    }

    float[] yArray() {
        return targets.get(0).values();
    }

    List<Part> inputParts() {
        return inputs;
    }

    List<Part> targetParts() {
        return targets;
    }

    int offset() {
        return offset;
    }

    /** A copy of example {@code i}'s (first) input. */
    public float[] input(int i) {
        return copy(inputs.get(0), i);
    }

    /** A copy of example {@code i}'s (first) target. */
    public float[] target(int i) {
        return copy(targets.get(0), i);
    }

    /** A copy of example {@code i}'s input number {@code k}, in the model's input order. */
    public float[] input(int k, int i) {
        return copy(inputs.get(k), i);
    }

    /** A copy of example {@code i}'s target for output number {@code k}, in the model's output order. */
    public float[] target(int k, int i) {
        return copy(targets.get(k), i);
    }

    private float[] copy(Part p, int i) {
        int w = p.width();
        return Arrays.copyOfRange(p.values(), (offset + i) * w, (offset + i + 1) * w);
    }

    private static int examples(FloatNdArray a, String what) {
        Shape shape = a.shape();
        if (shape.isUnknown() || shape.numDimensions() < 1 || shape.hasUnknownDimension()) {
            throw new IllegalArgumentException(what + " needs a known shape (examples, ...), was " + shape);
        }
        if (shape.size() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(what + " has " + shape.size() + " values, more than a Java array holds");
        }
        return (int) shape.size(0);
    }

    private static TensorShape exampleShape(Shape shape, String what) {
        if (shape.numDimensions() == 1) {
            return TensorShape.of(1);
        }
        int[] dims = new int[shape.numDimensions() - 1];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = (int) shape.size(i + 1);
            if (dims[i] < 1) {
                throw new IllegalArgumentException(what + " has an empty example axis: shape " + shape);
            }
        }
        return TensorShape.of(dims);
    }

    private static float[] copy(FloatNdArray a) {
        float[] out = new float[(int) a.shape().size()];
        a.copyTo(DataBuffers.of(out, false, false));
        return out;
    }

    private static int width(float[][] rows, String what) {
        if (rows.length == 0) {
            throw new IllegalArgumentException(what + " has no rows");
        }
        return rows[0].length;
    }

    private static float[] flatten(float[][] rows) {
        if (rows.length == 0) { // callers flatten before they ask the width, which says the same
            throw new IllegalArgumentException("no rows: a dataset needs at least one example");
        }
        int w = rows[0].length;
        float[] flat = new float[rows.length * w];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != w) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, row 0 has " + w);
            }
            System.arraycopy(rows[i], 0, flat, i * w, w);
        }
        return flat;
    }
}
