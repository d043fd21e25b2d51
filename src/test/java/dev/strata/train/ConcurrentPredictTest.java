package dev.strata.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.strata.spec.Activation;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Dense;
import dev.strata.testing.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code predict} is safe from many threads (a model served from a web server): the first calls race into the lazy
 * build of the inference graph, later ones run alongside weight changes, and {@code close()} after concurrent use
 * returns promptly. The fuzz run behind issue 15 saw 33 of 80 rounds of four threads fail on a fresh model and two
 * closes hang forever.
 */
class ConcurrentPredictTest {
    private static final int THREADS = 4;
    private static final int ROUNDS = 12;

    private static Sequential net() {
        return Sequential.named("served").input(6)
                .add(Dense.units(16).activation(Activation.RELU))
                .add(Dense.units(8).activation(Activation.TANH))
                .add(Dense.units(3).activation(Activation.SOFTMAX));
    }

    private static TrainingConfig config() {
        return TrainingConfig.of(Optimizer.adam(0.01), Loss.categoricalCrossentropy());
    }

    private static Model fresh() {
        return Model.compile(net(), config());
    }

    @Test
    void threadsRacingIntoTheFirstPredictAllGetTheSingleThreadedAnswer() throws Exception {
        float[][] x = Fixtures.uniform(40, 6, 3);
        float[][] expected;
        try (Model m = fresh()) {
            expected = m.predict(x);
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Model m = fresh();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<float[][]>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        float[][] last = null;
                        for (int i = 0; i < 3; i++) {
                            last = t0(m, x);
                        }
                        return last;
                    }));
                }
                start.countDown();
                for (Future<float[][]> f : results) {
                    float[][] got = f.get(60, TimeUnit.SECONDS);
                    for (int i = 0; i < x.length; i++) {
                        assertArrayEquals(expected[i], got[i], "round " + round + ", row " + i);
                    }
                }
                assertTimeoutPreemptively(Duration.ofSeconds(20), m::close, "close after concurrent predicts");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static float[][] t0(Model m, float[][] x) {
        // The batch size of predict(x): oneDNN may round differently for other batch sizes.
        return m.predictAll(Dataset.of(x, new float[x.length][3]), 256).get(0);
    }

    @Test
    void predictionsFollowNewWeightsWhileOtherThreadsPredict() throws Exception {
        float[][] x = Fixtures.uniform(16, 6, 5);
        try (Model m = fresh(); Model other = Model.compile(net(), config(), ModelOptions.defaults().seed(99))) {
            var first = m.weights();
            var second = other.weights();
            float[][] a = m.predict(x);
            m.setWeights(second);
            float[][] b = m.predict(x);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    runs.add(pool.submit(() -> {
                        for (int i = 0; i < 20; i++) {
                            float[][] got = m.predict(x);
                            // Every answer is one whole weight set's, never a mix of the two.
                            boolean isA = java.util.Arrays.equals(got[0], a[0]);
                            boolean isB = java.util.Arrays.equals(got[0], b[0]);
                            assertEquals(true, isA || isB, "prediction from one weight set");
                        }
                        return null;
                    }));
                }
                for (int i = 0; i < 20; i++) {
                    m.setWeights(i % 2 == 0 ? first : second);
                }
                for (Future<?> f : runs) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void everyCallAfterCloseIsATypedError() {
        float[][] x = Fixtures.uniform(4, 6, 1);
        Model m = fresh();
        var weights = m.weights();
        m.predict(x);
        m.close();
        m.close();
        assertThrows(IllegalStateException.class, () -> m.predict(x));
        assertThrows(IllegalStateException.class, () -> m.predictAll(Dataset.of(x, new float[4][3]), 2));
        assertThrows(IllegalStateException.class, m::weights);
        assertThrows(IllegalStateException.class, () -> m.setWeights(weights));
        assertThrows(IllegalStateException.class, m::step);
        assertThrows(IllegalStateException.class, m::learningRate);
        assertThrows(IllegalStateException.class, m::inferenceGraph);
        assertThrows(IllegalStateException.class, () -> m.evaluate(Dataset.of(x, new float[4][3])));
        assertThrows(IllegalStateException.class,
                () -> m.fit(x, new float[4][3], FitOptions.epochs(1)));
    }

    @Test
    void closeWhileThreadsPredictReturnsAndTheyEndTyped() throws Exception {
        float[][] x = Fixtures.uniform(64, 6, 2);
        Model m = fresh();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch running = new CountDownLatch(THREADS);
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                runs.add(pool.submit(() -> {
                    running.countDown();
                    try {
                        while (true) {
                            m.predict(x);
                        }
                    } catch (IllegalStateException closed) {
                        return null;
                    }
                }));
            }
            running.await();
            assertTimeoutPreemptively(Duration.ofSeconds(20), m::close, "close while threads predict");
            for (Future<?> f : runs) {
                f.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
