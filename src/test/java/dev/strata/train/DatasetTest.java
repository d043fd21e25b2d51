package dev.strata.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.spec.TensorShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;

/** Datasets from TensorFlow arrays, and Keras's {@code validation_split}. */
class DatasetTest {
    @Test
    void fromFloatNdArraysTheFirstAxisIsTheExampleAxis() {
        FloatNdArray x = StdArrays.ndCopyOf(new float[][][] {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}, {{9, 10}, {11, 12}}});
        FloatNdArray y = NdArrays.vectorOf(0f, 1f, 1f);
        Dataset d = Dataset.of(x, y);
        assertEquals(3, d.size());
        assertEquals(TensorShape.of(2, 2), d.xShape());
        assertEquals(TensorShape.of(1), d.yShape());
        assertArrayEquals(new float[] {5, 6, 7, 8}, d.input(1));
        assertArrayEquals(new float[] {1}, d.target(2));
        assertEquals(TensorShape.of(2, 2), Dataset.inputs(x).xShape());
    }

    @Test
    void fromFloatNdArraysExampleCountsMustAgree() {
        FloatNdArray x = NdArrays.ofFloats(Shape.of(4, 3));
        FloatNdArray y = NdArrays.ofFloats(Shape.of(5, 1));
        assertEquals("x has 4 examples but y has 5",
                assertThrows(IllegalArgumentException.class, () -> Dataset.of(x, y)).getMessage());
    }

    @Test
    void ndArrayDatasetTrainsLikeTheArrayOne() {
        Dataset rows = TinyModels.regression(24, 3, 4);
        float[][] x = new float[24][];
        float[][] y = new float[24][];
        for (int i = 0; i < 24; i++) {
            x[i] = rows.input(i);
            y[i] = rows.target(i);
        }
        Dataset nd = Dataset.of(StdArrays.ndCopyOf(x), StdArrays.ndCopyOf(y));
        try (Model a = TinyModels.linear(3, 0.1); Model b = TinyModels.linear(3, 0.1)) {
            History ha = a.fit(rows, FitOptions.epochs(2).batchSize(5).quiet());
            History hb = b.fit(nd, FitOptions.epochs(2).batchSize(5).quiet());
            assertArrayEquals(ha.get("loss"), hb.get("loss"), 0.0);
            assertEquals(true, a.weights().sameAs(b.weights()));
        }
    }

    @Test
    void validationSplitTakesTheFlooredLastFractionBeforeShuffling() {
        // Keras: split_at = floor(n * (1 - validation_split)); 10 * 0.75 = 7.5 -> 7 training, 3 validation.
        Dataset all = TinyModels.regression(10, 2, 6);
        Dataset[] parts = all.splitLast(0.25);
        assertEquals(7, parts[0].size());
        assertEquals(3, parts[1].size());
        assertArrayEquals(all.input(7), parts[1].input(0));
        assertArrayEquals(all.target(9), parts[1].target(2));
        assertEquals(9, all.splitLast(0.1)[0].size());
        assertEquals(2, all.splitLast(0.19)[1].size());
    }

    @Test
    void validationSplitThatLeavesASideEmptyFailsAsInKeras() {
        // floor(3 * 0.01) = 0 leaves no training data; 1 - 1e-17 is 1.0 in double, so nothing is left to validate.
        Dataset three = TinyModels.regression(3, 2, 6);
        assertThrows(IllegalArgumentException.class, () -> three.splitLast(0.99));
        assertThrows(IllegalArgumentException.class, () -> three.splitLast(1e-17));
        assertEquals(2, three.splitLast(0.1)[0].size());
    }

    @Test
    void fitValidatesOnTheLastExamplesWhateverTheShuffle() {
        Dataset all = TinyModels.regression(20, 2, 8);
        List<Integer> plan = new ArrayList<>();
        Callback sizes = new Callback() {
            @Override
            public void onTrainBegin(Model model, FitPlan p) {
                plan.add(p.trainExamples());
                plan.add(p.validationExamples());
            }
        };
        try (Model m = TinyModels.linear(2, 0.1)) {
            History h = m.fit(all, FitOptions.epochs(2).batchSize(4).validationSplit(0.3).shuffleSeed(11).quiet()
                    .callbacks(sizes));
            assertEquals(List.of(14, 6), plan);
            // The last epoch's validation ran on the final weights: it equals evaluating examples 14..19 now.
            Map<String, Double> now = m.evaluate(all.slice(14, 20), 4).values();
            assertEquals(now.get("loss"), h.last("val_loss"));
        }
    }
}
