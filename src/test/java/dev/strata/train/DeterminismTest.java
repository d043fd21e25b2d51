package dev.strata.train;

import static dev.strata.spec.Regularizers.l2;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.graph.GraphCompiler;
import dev.strata.graph.WeightSet;
import dev.strata.spec.Activation;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Dropout;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** A fixed seed gives the same initial weights, the same dropout masks, the same shuffles: the same bits. */
class DeterminismTest {
    private static final Sequential SPEC = Sequential.create().input(4)
            .add(Dense.units(16).activation(Activation.RELU).kernelRegularizer(l2(0.01)))
            .add(Dropout.rate(0.3))
            .add(Dense.units(3).activation(Activation.SOFTMAX));
    private static final TrainingConfig CONFIG = TrainingConfig.of(Optimizer.adam(0.01), Loss.categoricalCrossentropy(),
            Metric.ACCURACY);

    private record Run(WeightSet weights, History history) {
    }

    private static Run run(long seed) {
        float[][] x = Fixtures.uniform(60, 4, 1);
        try (Model m = Model.compile(SPEC, CONFIG, ModelOptions.defaults().seed(seed))) {
            History h = m.fit(x, Fixtures.threeClasses(x), FitOptions.epochs(4).batchSize(7).validationSplit(0.2).quiet());
            return new Run(m.weights(), h);
        }
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsAndHistory() {
        Run a = run(42);
        Run b = run(42);
        assertTrue(a.weights().sameAs(b.weights()), "weights differ");
        for (String key : a.history().keys()) {
            assertArrayEquals(a.history().get(key), b.history().get(key), 0.0, key);
        }
    }

    @Test
    void anotherSeedGivesOtherWeights() {
        assertFalse(run(1).weights().sameAs(run(2).weights()));
    }

    @Test
    void initialWeightsFollowKerasDefaults() {
        Sequential spec = Sequential.create().input(100).add(Dense.units(50));
        WeightSet w = GraphCompiler.initialWeights(spec, 9);
        float limit = (float) Math.sqrt(6.0 / (100 + 50));
        double sumSq = 0;
        for (float v : w.values("dense/kernel")) {
            assertTrue(Math.abs(v) <= limit, "glorot uniform out of range: " + v);
            sumSq += v * v;
        }
        // Uniform(-a, a) has variance a^2 / 3 = 2 / (fan_in + fan_out).
        double variance = sumSq / 5000;
        assertTrue(Math.abs(variance - 2.0 / 150) < 0.1 * 2.0 / 150, "variance " + variance);
        for (float v : w.values("dense/bias")) {
            assertTrue(v == 0f);
        }
        assertTrue(GraphCompiler.initialWeights(spec, 9).sameAs(w));
    }
}
