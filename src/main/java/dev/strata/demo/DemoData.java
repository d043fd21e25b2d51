package dev.strata.demo;

import dev.strata.spec.TensorShape;
import dev.strata.train.Dataset;
import java.util.SplittableRandom;

/**
 * The embedded default data set, generated from a fixed seed so it needs no download: a binary task on
 * 30 features of which only the first 4 matter (an XOR-like rule plus a linear part), with 10% of the
 * training labels flipped. With few training examples, a wide network memorises the noise and overfits
 * visibly; regularization narrows the gap, and L1 drives the weights of the 26 useless inputs to zero.
 */
public final class DemoData {
    public static final int FEATURES = 30;
    public static final int INFORMATIVE = 4;

    private final Dataset train;
    private final Dataset validation;

    private DemoData(Dataset train, Dataset validation) {
        this.train = train;
        this.validation = validation;
    }

    /** 200 noisy training examples and 2,000 clean validation examples. */
    public static DemoData standard() {
        return generate(200, 2000, 0.10, 2024);
    }

    public static DemoData generate(int trainSize, int validationSize, double labelNoise, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new DemoData(sample(trainSize, labelNoise, rng), sample(validationSize, 0, rng));
    }

    private static Dataset sample(int n, double noise, SplittableRandom rng) {
        float[] x = new float[n * FEATURES];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < FEATURES; j++) {
                x[i * FEATURES + j] = (float) (rng.nextDouble() * 2 - 1);
            }
            int o = i * FEATURES;
            double score = x[o] * x[o + 1] * 3 + x[o + 2] - 0.5 * x[o + 3];
            boolean label = score > 0;
            if (noise > 0 && rng.nextDouble() < noise) {
                label = !label;
            }
            y[i] = label ? 1f : 0f;
        }
        return Dataset.of(x, TensorShape.of(FEATURES), y, TensorShape.of(1));
    }

    public Dataset train() {
        return train;
    }

    public Dataset validation() {
        return validation;
    }
}
