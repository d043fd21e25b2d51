package dev.strata.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Dense;
import dev.strata.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * An input with an unknown inner dimension ({@code batch_shape [null, null, 4]}) is fed by flat rows too, not only
 * by a shaped {@link Dataset}: the rows' length gives the unknown dimension. The fuzz run behind issue 15 found such
 * models passing read, compile and check but refused by {@code predict(float[][])} ("-1 values each").
 */
class FlatRowsOfUnknownLengthTest {
    private static final int U = TensorShape.UNKNOWN;
    private static final TrainingConfig MSE = TrainingConfig.of(Optimizer.sgd(0.1), Loss.meanSquaredError());

    @Test
    void flatRowsFeedAnInputOfUnknownSteps() {
        try (Model m = Model.compile(Sequential.named("steps").input(TensorShape.of(U, 4)).add(Dense.units(3)), MSE)) {
            float[][] rows = Fixtures.uniform(6, 20, 4); // 5 steps of 4 values each
            float[] flat = new float[6 * 20];
            for (int i = 0; i < 6; i++) {
                System.arraycopy(rows[i], 0, flat, i * 20, 20);
            }
            float[][] shaped = m.predict(Dataset.of(flat, TensorShape.of(5, 4), null, null), 256);
            float[][] got = m.predict(rows);
            for (int i = 0; i < 6; i++) {
                assertEquals(15, got[i].length);
                assertArrayEquals(shaped[i], got[i]);
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.predict(new float[][] {new float[18]}));
            assertEquals("row 0 has 18 values but model 'steps' takes examples of shape (None, None, 4): rows of one "
                    + "length, a positive multiple of 4; give sequences of other lengths as separate datasets or "
                    + "padded", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> m.predict(new float[][] {new float[8], new float[12]}));
        }
    }

    @Test
    void severalUnknownDimensionsAskForAShapedDataset() {
        try (Model m = Model.compile(Sequential.named("image").input(TensorShape.of(U, U, 4)).add(Dense.units(2)),
                MSE)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.predict(new float[][] {new float[16]}));
            assertEquals("model 'image' takes examples of shape (None, None, None, 4), with several unknown dimensions that "
                    + "flat rows cannot tell apart; give the shape with Dataset.of(values, shape, ...)", e.getMessage());
            assertEquals(2 * 3 * 2, m.predict(Dataset.of(new float[24], TensorShape.of(2, 3, 4), null, null), 8)[0]
                    .length);
        }
    }
}
