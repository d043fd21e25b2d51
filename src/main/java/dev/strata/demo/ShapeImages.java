package dev.strata.demo;

import dev.strata.spec.TensorShape;
import dev.strata.train.Dataset;
import java.util.SplittableRandom;

/**
 * A small embedded image set for CNN examples, generated deterministically: 12 x 12 grey images (one channel) of
 * a horizontal bar, a vertical bar or a diagonal, at a random place, with Gaussian pixel noise; labels one-hot over
 * the three classes. Small enough to train in seconds on a laptop, hard enough that a dense model on raw pixels
 * does worse than a convolution.
 */
public final class ShapeImages {
    public static final int SIZE = 12;
    public static final int CLASSES = 3;
    public static final TensorShape SHAPE = TensorShape.of(SIZE, SIZE, 1);

    private final Dataset train;
    private final Dataset validation;

    private ShapeImages(Dataset train, Dataset validation) {
        this.train = train;
        this.validation = validation;
    }

    /** 600 training and 300 validation images from a fixed seed. */
    public static ShapeImages standard() {
        return generate(600, 300, 7);
    }

    public static ShapeImages generate(int trainSize, int validationSize, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new ShapeImages(images(trainSize, rng), images(validationSize, rng));
    }

    public Dataset train() {
        return train;
    }

    public Dataset validation() {
        return validation;
    }

    private static Dataset images(int n, SplittableRandom rng) {
        int pixels = SIZE * SIZE;
        float[] x = new float[n * pixels];
        float[] y = new float[n * CLASSES];
        for (int i = 0; i < n; i++) {
            int label = i % CLASSES;
            y[i * CLASSES + label] = 1;
            int at = 2 + rng.nextInt(SIZE - 4);
            int from = rng.nextInt(3);
            int length = SIZE - 3 - rng.nextInt(3);
            for (int k = from; k < from + length; k++) {
                int row = label == 0 ? at : label == 1 ? k : k;
                int col = label == 0 ? k : label == 1 ? at : Math.min(SIZE - 1, k + at - SIZE / 2 + 2);
                if (col >= 0) {
                    x[i * pixels + row * SIZE + col] = 1f;
                }
            }
            for (int p = 0; p < pixels; p++) {
                x[i * pixels + p] += (float) (0.3 * rng.nextGaussian());
            }
        }
        return Dataset.of(x, SHAPE, y, TensorShape.of(CLASSES));
    }
}
