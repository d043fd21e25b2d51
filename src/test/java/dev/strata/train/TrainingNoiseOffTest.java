package dev.strata.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.graph.WeightSet;
import dev.strata.spec.Activation;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.AlphaDropout;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Dropout;
import dev.strata.spec.layers.GaussianDropout;
import dev.strata.spec.layers.GaussianNoise;
import dev.strata.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * {@code ModelOptions.trainingNoise(false)}, the switch that trains with dropout and the other training-only layers
 * turned off (for debugging and for comparing a step with another framework): a model with Dropout(0.5),
 * GaussianNoise, GaussianDropout and AlphaDropout then takes exactly, bit for bit, the step of the same model
 * without those layers; with the noise on, its step differs.
 */
class TrainingNoiseOffTest {
    private static final TrainingConfig CONFIG = TrainingConfig.of(Optimizer.sgd(0.1), Loss.categoricalCrossentropy());

    private static Sequential spec(boolean noiseLayers) {
        Sequential s = Sequential.named("m").input(6).add(Dense.units(16).activation(Activation.RELU).name("hidden"));
        if (noiseLayers) {
            s = s.add(Dropout.rate(0.5)).add(GaussianNoise.stddev(0.3)).add(GaussianDropout.rate(0.2))
                    .add(AlphaDropout.rate(0.1));
        }
        return s.add(Dense.units(3).activation(Activation.SOFTMAX).name("out"));
    }

    private record Step(WeightSet weights, double loss) {
    }

    private static Step oneStep(boolean noiseLayers, boolean trainingNoise, WeightSet initial) {
        float[][] x = Fixtures.uniform(12, 6, 3);
        try (Model m = Model.compile(spec(noiseLayers), CONFIG, ModelOptions.defaults().seed(7)
                .trainingNoise(trainingNoise))) {
            m.setWeights(initial);
            History h = m.fit(x, Fixtures.threeClasses(x), FitOptions.epochs(1).batchSize(12).shuffle(false).quiet());
            return new Step(m.weights(), h.get("loss")[0]);
        }
    }

    @Test
    void withTrainingNoiseOffAStepEqualsTheStepWithoutTheNoiseLayers() {
        WeightSet initial;
        try (Model m = Model.compile(spec(false), CONFIG, ModelOptions.defaults().seed(7))) {
            initial = m.weights();
        }
        Step plain = oneStep(false, true, initial);
        Step off = oneStep(true, false, initial);
        Step on = oneStep(true, true, initial);
        assertEquals(plain.loss(), off.loss(), 0.0, "the reported loss, bit for bit");
        for (String w : plain.weights().entries().keySet()) {
            assertArrayEquals(plain.weights().values(w), off.weights().values(w), 0f, w + " after the step");
        }
        assertTrue(plain.weights().sameAs(off.weights()));
        assertFalse(plain.weights().sameAs(on.weights()), "with the noise on, dropout changes the step");
        assertFalse(plain.loss() == on.loss(), "with the noise on, dropout changes the loss");
    }
}
