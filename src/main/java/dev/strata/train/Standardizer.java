package dev.strata.train;

import dev.strata.spec.TensorShape;
import java.util.Arrays;

/**
 * Per-feature standardization, as Keras's {@code Normalization} layer after {@code adapt}: statistics come from
 * training data only, and {@link #apply} maps any dataset with {@code (x - mean) / max(std, 1e-7)}, std being the
 * population standard deviation. Apply the training set's standardizer to validation and test data so all see the
 * same transform.
 */
public final class Standardizer {
    private static final float EPSILON = 1e-7f;
    private final float[] mean;
    private final float[] std;

    private Standardizer(float[] mean, float[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** Mean and standard deviation of each input value of one example, over the dataset (in double, stored float32). */
    public static Standardizer adapt(Dataset data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("cannot standardize with the statistics of an empty dataset");
        }
        int width = (int) data.xShape().size();
        float[] x = data.xArray();
        double[] sum = new double[width];
        for (int i = 0; i < data.size(); i++) {
            int row = (data.offset() + i) * width;
            for (int j = 0; j < width; j++) {
                sum[j] += x[row + j];
            }
        }
        double[] m = new double[width];
        for (int j = 0; j < width; j++) {
            m[j] = sum[j] / data.size();
        }
        // A second pass over centred values: the one-pass formula loses digits when the mean is large.
        double[] squares = new double[width];
        for (int i = 0; i < data.size(); i++) {
            int row = (data.offset() + i) * width;
            for (int j = 0; j < width; j++) {
                double d = x[row + j] - m[j];
                squares[j] += d * d;
            }
        }
        float[] mean = new float[width];
        float[] std = new float[width];
        for (int j = 0; j < width; j++) {
            mean[j] = (float) m[j];
            std[j] = (float) Math.sqrt(squares[j] / data.size());
        }
        return new Standardizer(mean, std);
    }

    /** From known statistics, one value per input value of an example. */
    public static Standardizer of(float[] mean, float[] std) {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("mean and std need the same, non-zero length; were " + mean.length
                    + " and " + std.length);
        }
        for (float s : std) {
            if (!(s >= 0) || Float.isInfinite(s)) {
                throw new IllegalArgumentException("std values must be finite and >= 0, got " + s);
            }
        }
        return new Standardizer(mean.clone(), std.clone());
    }

    /** A new dataset with standardized inputs (copied) and the same targets. */
    public Dataset apply(Dataset data) {
        int width = (int) data.xShape().size();
        if (width != mean.length) {
            throw new IllegalArgumentException("standardizer has " + mean.length + " features but the data has "
                    + width + " (shape " + data.xShape() + ")");
        }
        float[] x = data.xArray();
        float[] out = new float[data.size() * width];
        for (int i = 0; i < data.size(); i++) {
            int from = (data.offset() + i) * width;
            for (int j = 0; j < width; j++) {
                out[i * width + j] = (x[from + j] - mean[j]) / Math.max(std[j], EPSILON);
            }
        }
        float[] y = null;
        if (data.hasTargets()) {
            int yw = (int) data.yShape().size();
            y = Arrays.copyOfRange(data.yArray(), data.offset() * yw, (data.offset() + data.size()) * yw);
        }
        TensorShape yShape = data.hasTargets() ? data.yShape() : null;
        return Dataset.of(out, data.xShape(), y, yShape);
    }

    /** Standardizes a flat array of whole examples in place (the loader's own copy). */
    void applyInPlace(float[] x) {
        int width = mean.length;
        for (int i = 0; i < x.length; i++) {
            int j = i % width;
            x[i] = (x[i] - mean[j]) / Math.max(std[j], EPSILON);
        }
    }

    public float[] mean() {
        return mean.clone();
    }

    public float[] std() {
        return std.clone();
    }

    public int features() {
        return mean.length;
    }
}
