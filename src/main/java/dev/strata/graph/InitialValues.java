package dev.strata.graph;

import dev.strata.spec.Initializer;
import java.util.SplittableRandom;

/**
 * Draws first weight values in Java with Keras's formulas. Drawing here rather than with TensorFlow
 * random ops makes a seed mean the same weights on every machine and in every graph a spec compiles to.
 */
final class InitialValues {
    /** Keras's correction: the stddev of a normal truncated at two standard deviations. */
    private static final double TRUNCATION_STDDEV = 0.87962566103423978;

    private InitialValues() {
    }

    static float[] sample(Initializer init, int[] shape, long derivedSeed) {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        float[] out = new float[size];
        if (init instanceof Initializer.Zeros) {
            return out;
        }
        if (init instanceof Initializer.Ones) {
            java.util.Arrays.fill(out, 1f);
            return out;
        }
        if (init instanceof Initializer.Constant c) {
            java.util.Arrays.fill(out, (float) c.value());
            return out;
        }
        if (init instanceof Initializer.Preset p) {
            init = p.asVarianceScaling();
        }
        if (init instanceof Initializer.Blocks b) {
            return blocks(b, shape, derivedSeed);
        }
        if (init instanceof Initializer.Orthogonal o) {
            return orthogonal(o, shape, rng(o.seed(), derivedSeed));
        }
        if (init instanceof Initializer.RandomNormal n) {
            SplittableRandom rng = rng(n.seed(), derivedSeed);
            for (int i = 0; i < size; i++) {
                out[i] = (float) (n.mean() + n.stddev() * rng.nextGaussian());
            }
        } else if (init instanceof Initializer.RandomUniform u) {
            SplittableRandom rng = rng(u.seed(), derivedSeed);
            for (int i = 0; i < size; i++) {
                out[i] = (float) (u.minval() + (u.maxval() - u.minval()) * rng.nextDouble());
            }
        } else if (init instanceof Initializer.TruncatedNormal t) {
            SplittableRandom rng = rng(t.seed(), derivedSeed);
            for (int i = 0; i < size; i++) {
                out[i] = (float) (t.mean() + t.stddev() * truncated(rng));
            }
        } else {
            Initializer.VarianceScaling vs = (Initializer.VarianceScaling) init;
            SplittableRandom rng = rng(vs.seed(), derivedSeed);
            double scale = vs.scale() / Math.max(1.0, fan(vs.mode(), shape));
            switch (vs.distribution()) {
                case UNIFORM -> {
                    double limit = Math.sqrt(3.0 * scale);
                    for (int i = 0; i < size; i++) {
                        out[i] = (float) (-limit + 2 * limit * rng.nextDouble());
                    }
                }
                case TRUNCATED_NORMAL -> {
                    double stddev = Math.sqrt(scale) / TRUNCATION_STDDEV;
                    for (int i = 0; i < size; i++) {
                        out[i] = (float) (stddev * truncated(rng));
                    }
                }
                case UNTRUNCATED_NORMAL -> {
                    double stddev = Math.sqrt(scale);
                    for (int i = 0; i < size; i++) {
                        out[i] = (float) (stddev * rng.nextGaussian());
                    }
                }
            }
        }
        return out;
    }

    /**
     * Keras's Orthogonal: a normal (rows x cols) matrix with rows >= cols, its thin QR's Q made unique by positive
     * R diagonal (Gram-Schmidt gives exactly that Q), transposed when the weight is wider than tall, times gain.
     */
    private static float[] orthogonal(Initializer.Orthogonal o, int[] shape, SplittableRandom rng) {
        if (shape.length < 2) {
            throw new IllegalArgumentException("the Orthogonal initializer needs a weight of rank >= 2, was "
                    + java.util.Arrays.toString(shape));
        }
        int rows = 1;
        for (int i = 0; i < shape.length - 1; i++) {
            rows *= shape[i];
        }
        int cols = shape[shape.length - 1];
        int m = Math.max(rows, cols);
        int n = Math.min(rows, cols);
        double[][] q = new double[n][m]; // column j of the m x n matrix, as q[j]
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                q[j][i] = rng.nextGaussian();
            }
        }
        for (int j = 0; j < n; j++) {
            for (int pass = 0; pass < 2; pass++) { // twice is enough for orthogonality to rounding error
                for (int k = 0; k < j; k++) {
                    double dot = 0;
                    for (int i = 0; i < m; i++) {
                        dot += q[k][i] * q[j][i];
                    }
                    for (int i = 0; i < m; i++) {
                        q[j][i] -= dot * q[k][i];
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < m; i++) {
                norm += q[j][i] * q[j][i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < m; i++) {
                q[j][i] /= norm;
            }
        }
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                // The weight, flattened to (rows, cols), is Q (m x n) when rows >= cols, else Q transposed.
                double v = rows >= cols ? q[c][r] : q[r][c];
                out[r * cols + c] = (float) (o.gain() * v);
            }
        }
        return out;
    }

    /** Each block drawn as a vector of its own width, with its own derived seed, then laid end to end. */
    private static float[] blocks(Initializer.Blocks b, int[] shape, long derivedSeed) {
        int total = b.widths().stream().mapToInt(Integer::intValue).sum();
        if (shape.length != 1 || shape[0] != total) {
            throw new IllegalArgumentException("block initial values fill a vector of " + total + ", not "
                    + java.util.Arrays.toString(shape));
        }
        float[] out = new float[total];
        int at = 0;
        for (int k = 0; k < b.parts().size(); k++) {
            int w = b.widths().get(k);
            System.arraycopy(sample(b.parts().get(k), new int[] {w}, derivedSeed * 31 + k), 0, out, at, w);
            at += w;
        }
        return out;
    }

    private static SplittableRandom rng(Long own, long derived) {
        return new SplittableRandom(own != null ? own : derived);
    }

    private static double truncated(SplittableRandom rng) {
        while (true) {
            double g = rng.nextGaussian();
            if (Math.abs(g) <= 2.0) {
                return g;
            }
        }
    }

    /** Keras {@code compute_fans}: receptive field times channels for rank > 2. */
    static double fan(Initializer.FanMode mode, int[] shape) {
        double fanIn;
        double fanOut;
        if (shape.length == 0) {
            fanIn = fanOut = 1;
        } else if (shape.length == 1) {
            fanIn = fanOut = shape[0];
        } else if (shape.length == 2) {
            fanIn = shape[0];
            fanOut = shape[1];
        } else {
            double receptive = 1;
            for (int i = 0; i < shape.length - 2; i++) {
                receptive *= shape[i];
            }
            fanIn = shape[shape.length - 2] * receptive;
            fanOut = shape[shape.length - 1] * receptive;
        }
        return switch (mode) {
            case FAN_IN -> fanIn;
            case FAN_OUT -> fanOut;
            case FAN_AVG -> (fanIn + fanOut) / 2.0;
        };
    }
}
