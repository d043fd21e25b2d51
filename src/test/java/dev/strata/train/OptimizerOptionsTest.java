package dev.strata.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.graph.TrainingGraph;
import dev.strata.graph.WeightSet;
import dev.strata.spec.Ftrl;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.LearningRateSchedule;
import dev.strata.spec.Lion;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Dense;
import dev.strata.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The optimizer settings around the update rules (whose numbers the golden tests check against Keras): a
 * schedule-driven rate that callbacks may not set, the EMA finalize at the end of {@code fit}, and the argument
 * checks, each naming the argument.
 */
class OptimizerOptionsTest {
    private static final Sequential SPEC = Sequential.named("lin").input(3).add(Dense.units(2));
    private static final Dataset DATA = Dataset.of(Fixtures.uniform(16, 3, 1), Fixtures.uniform(16, 2, 2));
    private static final LearningRateSchedule DECAY = LearningRateSchedule.exponentialDecay(0.1, 2, 0.5);

    private static Model compile(Optimizer optimizer) {
        return Model.compile(SPEC, TrainingConfig.of(optimizer, Loss.meanSquaredError()));
    }

    @Test
    void aScheduledRateFollowsTheStepAndIsNotState() {
        try (Model m = compile(Optimizer.sgd().learningRate(DECAY))) {
            assertEquals(0.1f, (float) m.learningRate());
            assertNull(m.trainingGraph().state().get(TrainingGraph.learningRateSlot()),
                    "no learning-rate variable: the rate is a function of the step");
            m.fit(DATA, FitOptions.epochs(1).batchSize(4).shuffle(false).quiet());
            assertEquals(4, m.step());
            // 0.1 * 0.5^(4 / 2), computed in float32 as Keras computes it
            assertEquals((float) (0.1f * Math.pow(0.5f, 2f)), (float) m.learningRate());
        }
    }

    @Test
    void callbacksCannotSetAScheduledRateAndSayWhy() {
        try (Model m = compile(Optimizer.adam().learningRate(DECAY))) {
            IllegalStateException direct = assertThrows(IllegalStateException.class, () -> m.setLearningRate(0.01));
            assertTrue(direct.getMessage().contains("ExponentialDecay") && direct.getMessage().contains("not settable"),
                    direct.getMessage());
            for (Callback cb : new Callback[] {ReduceLROnPlateau.monitor("loss"),
                    LearningRateScheduler.of((epoch, lr) -> lr)}) {
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> m.fit(DATA, FitOptions.epochs(2).batchSize(4).quiet().callbacks(cb)));
                assertTrue(e.getMessage().startsWith(cb.getClass().getSimpleName() + ":"), e.getMessage());
                assertEquals(0, m.step(), "refused before the first step");
            }
        }
        try (Model m = compile(Optimizer.adam())) {
            m.setLearningRate(0.01);
            assertEquals(0.01f, (float) m.learningRate(), "a constant rate stays settable");
        }
    }

    @Test
    void emaReplacesTheWeightsWhenFitReturnsAndNotBefore() {
        WeightSet[] lastBatch = new WeightSet[1];
        Callback record = new Callback() {
            private Model model;

            @Override
            public void onTrainBegin(Model model, FitPlan plan) {
                this.model = model;
            }

            @Override
            public void onBatchEnd(int epoch, int batch, java.util.Map<String, Double> logs) {
                lastBatch[0] = model.weights();
            }
        };
        try (Model plain = compile(Optimizer.sgd(0.1));
             Model ema = compile(Optimizer.sgd(0.1).ema(0.5))) {
            FitOptions options = FitOptions.epochs(1).batchSize(4).shuffle(false).quiet();
            plain.fit(DATA, options);
            ema.fit(DATA, options.callbacks(record));
            // During fit the weights are the raw ones, the same as without EMA...
            assertTrue(plain.weights().sameAs(lastBatch[0]));
            // ...and after fit, their averages: different, and what predict and evaluate use.
            assertFalse(plain.weights().sameAs(ema.weights()));
            WeightSet averages = averages(ema);
            assertTrue(averages.sameAs(ema.weights()));
            float[][] x = Fixtures.uniform(3, 3, 9);
            assertFalse(java.util.Arrays.deepEquals(plain.predict(x), ema.predict(x)));
        }
        try (Model untrained = compile(Optimizer.sgd(0.1).ema(0.5))) {
            WeightSet before = untrained.weights();
            untrained.finalizeEma();
            assertTrue(before.sameAs(untrained.weights()), "no step yet: the averages are not set, nothing moves");
        }
    }

    private static WeightSet averages(Model m) {
        WeightSet state = m.trainingState();
        java.util.Map<String, WeightSet.Entry> out = new java.util.LinkedHashMap<>();
        for (String w : m.weights().entries().keySet()) {
            out.put(w, state.get("optimizer/" + w + "/average"));
        }
        return new WeightSet(out);
    }

    @Test
    void badArgumentsAreRefusedByName() {
        InvalidSpecException clips = assertThrows(InvalidSpecException.class,
                () -> Optimizer.sgd().clipnorm(1.0).clipvalue(0.5));
        assertTrue(clips.getMessage().contains("Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set"),
                clips.getMessage());
        assertEquals("clipnorm", assertThrows(InvalidSpecException.class,
                () -> Optimizer.adam().clipnorm(-1)).field());
        assertEquals("ema_momentum", assertThrows(InvalidSpecException.class,
                () -> Optimizer.adam().ema(1.5)).field());
        assertEquals("learning_rate_power", assertThrows(InvalidSpecException.class,
                () -> Optimizer.ftrl().learningRatePower(0.5)).field());
        assertEquals("initial_accumulator_value", assertThrows(InvalidSpecException.class,
                () -> new Ftrl(0.1, -0.5, -1, 0, 0, 0, 0, null)).field());
        assertEquals("beta_1", assertThrows(InvalidSpecException.class, () -> new Lion(0.1, 0, 0.99, null)).field());
        assertEquals("rho", assertThrows(InvalidSpecException.class, () -> Optimizer.rmsprop().rho(1.5)).field());
        assertEquals("epsilon", assertThrows(InvalidSpecException.class, () -> Optimizer.adagrad().epsilon(0)).field());
        assertEquals("clip_threshold", assertThrows(InvalidSpecException.class,
                () -> Optimizer.adafactor().clipThreshold(0)).field());
    }

    @Test
    void aConstantRateReplacesASchedule() {
        Optimizer scheduled = Optimizer.nadam().learningRate(DECAY);
        assertEquals(0.1, scheduled.learningRate(), "the nominal rate of a scheduled optimizer is its step-0 rate");
        Optimizer constant = scheduled.learningRate(0.02);
        assertNull(constant.options().schedule());
        assertEquals(0.02, constant.learningRate());
        assertArrayEquals(new double[] {0.004}, new double[] {Optimizer.adamW(0.001).weightDecay()});
    }
}
