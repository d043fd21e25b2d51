package dev.strata.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.Activation;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Dense;
import dev.strata.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The low-latency {@link Predictor}: Model.predict's answers, the model's current weights, typed misuse errors. */
class PredictorTest {
    private static Model model() {
        Sequential spec = Sequential.named("served").input(2, 3)
                .add(dev.strata.spec.layers.Flatten.create())
                .add(Dense.units(16).activation(Activation.RELU))
                .add(Dense.units(4).activation(Activation.SOFTMAX));
        return Model.compile(spec, TrainingConfig.of(Optimizer.sgd(0.5), Loss.categoricalCrossentropy()));
    }

    private static void assertSameAnswers(float[][] expected, float[] actual) {
        int w = expected[0].length;
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < w; j++) {
                // Another thread count may change the float association of a GEMM, never more than a rounding.
                assertEquals(expected[i][j], actual[i * w + j], 1e-6 * Math.max(1, Math.abs(expected[i][j])),
                        "row " + i + " output " + j);
            }
        }
    }

    @Test
    void answersAsModelPredictDoesAtBatchOneAndAtLargerBatches() {
        float[][] x = Fixtures.uniform(40, 6, 5);
        try (Model m = model(); Predictor one = m.predictor(1); Predictor forty = m.predictor(40)) {
            assertEquals(6, one.inputSize());
            assertEquals(4, one.outputSize());
            float[][] expected = m.predict(x);
            float[] out = new float[4];
            for (int i = 0; i < x.length; i++) {
                assertSame(out, one.predict(x[i], out));
                assertSameAnswers(new float[][] {expected[i]}, out);
            }
            assertSameAnswers(expected, forty.predict(Fixtures.flat(x), new float[40 * 4]));
        }
    }

    @Test
    void followsTheWeightsAfterFitAndSetWeights() {
        float[][] x = Fixtures.uniform(16, 6, 7);
        float[][] y = new float[16][4];
        for (int i = 0; i < 16; i++) {
            y[i][i % 4] = 1;
        }
        try (Model m = model(); Predictor p = m.predictor(16)) {
            float[] before = p.predict(Fixtures.flat(x), new float[64]).clone();
            m.fit(Dataset.of(Fixtures.flat(x), dev.strata.spec.TensorShape.of(2, 3), Fixtures.flat(y), dev.strata.spec.TensorShape.of(4)),
                    FitOptions.epochs(3).batchSize(4).quiet());
            float[] after = p.predict(Fixtures.flat(x), new float[64]);
            assertSameAnswers(m.predict(x), after);
            double moved = 0;
            for (int i = 0; i < after.length; i++) {
                moved = Math.max(moved, Math.abs(after[i] - before[i]));
            }
            assertTrue(moved > 1e-3, "training changed the answers by " + moved);
            try (Model other = model()) {
                m.setWeights(other.weights());
                assertSameAnswers(other.predict(x), p.predict(Fixtures.flat(x), new float[64]));
            }
        }
    }

    @Test
    void misuseGetsOneTypedErrorNamingTheSizes() {
        try (Model m = model(); Predictor p = m.predictor(2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> p.predict(new float[6], new float[8]));
            assertEquals("predictor for 2 row(s) takes 12 input floats and 8 output floats, got 6 and 8", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> m.predictor(0));
        }
    }

    @Test
    void callsAfterCloseThrowTypedErrorsWhicheverClosesFirst() {
        Model m = model();
        Predictor first = m.predictor(1);
        Predictor second = m.predictor(1);
        first.close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> first.predict(new float[6], new float[4]));
        assertEquals("this predictor is closed", e.getMessage());
        second.predict(new float[6], new float[4]);
        m.close();
        assertThrows(IllegalStateException.class, () -> second.predict(new float[6], new float[4]));
        second.close(); // after the model: nothing left to free, no error
        first.close();
    }

    @Test
    void refusesModelsWithSeveralInputs() {
        var spec = dev.strata.spec.Functional.named("two_heads").input("a", 3).input("b", 2)
                .add(Dense.units(2).name("ha"), "a")
                .add(Dense.units(1).name("hb"), "b")
                .outputs("ha", "hb");
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(), Loss.meanSquaredError()))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.predictor(1));
            assertTrue(e.getMessage().contains("a Predictor serves one input and one output"), e.getMessage());
        }
    }

    @Test
    void aSecondThreadCallingWhileOneIsInFlightIsRefusedNeverAnsweredWithTheOthersInput() throws Exception {
        float[][] x = Fixtures.uniform(2, 6, 9);
        try (Model m = model(); Predictor p = m.predictor(1)) {
            float[][] expected = m.predict(x);
            java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
            java.util.List<Throwable> wrong = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread[] threads = new Thread[2];
            for (int t = 0; t < 2; t++) {
                int k = t;
                threads[t] = new Thread(() -> {
                    for (int i = 0; i < 2000; i++) {
                        try {
                            float[] out = p.predict(x[k], new float[4]);
                            assertSameAnswers(new float[][] {expected[k]}, out);
                            answered.incrementAndGet();
                        } catch (IllegalStateException e) {
                            if (!e.getMessage().startsWith("a Predictor serves one thread at a time")) {
                                wrong.add(e);
                            }
                            refused.incrementAndGet();
                        } catch (Throwable e) {
                            wrong.add(e);
                        }
                    }
                });
                threads[t].start();
            }
            for (Thread t : threads) {
                t.join();
            }
            assertTrue(wrong.isEmpty(), () -> "answers for the other thread's input or untyped errors: " + wrong);
            assertEquals(4000, refused.get() + answered.get());
            assertTrue(answered.get() > 0);
            float[] out = new float[4];
            assertSame(out, p.predict(x[0], out)); // still usable afterwards
        }
    }
}
