package dev.strata.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.Activation;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Conv2D;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Flatten;
import dev.strata.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * {@code fit(float[][] x, float[][] y)} takes an image model's examples as flattened rows, as {@code predict} does;
 * it used to refuse them (the rows' width was taken as the example shape) while {@code predict} accepted them.
 */
class FitOnRowsTest {
    private static final TrainingConfig MSE = TrainingConfig.of(Optimizer.sgd(0.1), Loss.meanSquaredError());

    private static Sequential image() {
        return Sequential.named("image").input(4, 4, 2)
                .add(Conv2D.of(3, 2).activation(Activation.RELU))
                .add(Flatten.create())
                .add(Dense.units(2));
    }

    @Test
    void flattenedImageRowsTrainAsTheShapedDataset() {
        float[][] x = Fixtures.uniform(8, 32, 3);
        float[][] y = Fixtures.uniform(8, 2, 4);
        float[] flatX = new float[8 * 32];
        float[] flatY = new float[8 * 2];
        for (int i = 0; i < 8; i++) {
            System.arraycopy(x[i], 0, flatX, i * 32, 32);
            System.arraycopy(y[i], 0, flatY, i * 2, 2);
        }
        FitOptions options = FitOptions.epochs(2).batchSize(4).shuffle(false).quiet();
        try (Model rows = Model.compile(image(), MSE); Model shaped = Model.compile(image(), MSE);
             Model untrained = Model.compile(image(), MSE)) {
            assertTrue(rows.weights().sameAs(shaped.weights()), "same seed, same initial weights");
            History a = rows.fit(x, y, options);
            History b = shaped.fit(Dataset.of(flatX, TensorShape.of(4, 4, 2), flatY, TensorShape.of(2)), options);
            assertArrayEquals(b.get("loss"), a.get("loss"));
            assertTrue(rows.weights().sameAs(shaped.weights()), "the same steps from the same data");
            assertFalse(rows.weights().sameAs(untrained.weights()), "training moved the weights");
        }
    }

    @Test
    void rowsOfTheWrongWidthOrCountAreRefusedNamingTheShape() {
        try (Model m = Model.compile(image(), MSE)) {
            IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
                    () -> m.fit(new float[][] {new float[30]}, new float[][] {new float[2]}, FitOptions.epochs(1)));
            assertEquals("row 0 has 30 values but model 'image' takes examples of shape (None, 4, 4, 2) (32 values each)",
                    wide.getMessage());
            IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                    () -> m.fit(new float[][] {new float[32], new float[32]}, new float[][] {new float[2]},
                            FitOptions.epochs(1)));
            assertEquals("x has 2 rows but y has 1", count.getMessage());
        }
    }
}
