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
