package dev.strata.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.graph.WeightSet;
import dev.strata.spec.Activation;
import dev.strata.spec.Sequential;
import dev.strata.spec.layers.Dense;
import dev.strata.testing.Fixtures;
import dev.strata.spec.LearningRateSchedule;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.TrainingConfig;
import dev.strata.train.Callback;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.FitPlan;
import dev.strata.train.Model;
import dev.strata.train.ModelOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A learning-rate schedule reads the optimizer's step count, so the count must survive a checkpoint: 3 steps,
 * save, resume in a new model, 2 more steps ends with the same bits as 5 straight steps. Each optimizer below also
 * has state beyond per-weight moments (Nadam's momentum product, Ftrl's and Adagrad's non-zero initial
 * accumulators, EMA averages), which the checkpoint must carry too. The checkpoint is written from inside the
 * straight run (after its third batch), so with use_ema both runs finalize the averages once, at their end.
 */
class ScheduleResumeTest {
    private static final Sequential SPEC = Sequential.named("reg").input(4)
            .add(Dense.units(5).activation(Activation.TANH)).add(Dense.units(3));
    private static final float[][] X = Fixtures.uniform(20, 4, 11);
    private static final float[][] Y = Fixtures.uniform(20, 3, 12);
    private static final Dataset DATA = Dataset.of(X, Y);

    @TempDir
    Path dir;

    static List<Optimizer> optimizers() {
        return List.of(
                Optimizer.sgd(0.1).momentum(0.9).learningRate(LearningRateSchedule.exponentialDecay(0.1, 2, 0.5)),
                Optimizer.nadam(0.01).clipnorm(0.5).learningRate(LearningRateSchedule.cosineDecay(0.001, 3)
                        .warmup(0.01, 2)),
                Optimizer.adagrad(0.1).learningRate(LearningRateSchedule.piecewiseConstantDecay(List.of(2L, 3L),
                        List.of(0.1, 0.05, 0.01))),
                Optimizer.ftrl(0.1).regularization(0.01, 0.01, 0.0).learningRate(
                        LearningRateSchedule.cosineDecayRestarts(0.1, 2).multipliers(1.5, 0.8)),
                Optimizer.adam(0.01).ema(0.9).learningRate(LearningRateSchedule.polynomialDecay(0.01, 4).power(2)),
                Optimizer.rmsprop(0.01).momentum(0.5).ema(0.8, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void threeStepsCheckpointTwoStepsIsFiveStraightSteps(Optimizer optimizer) {
        TrainingConfig config = TrainingConfig.of(optimizer, Loss.meanSquaredError());
        Path file = dir.resolve("three.ckpt");
        WeightSet straight;
        double straightRate;
        try (Model m = model(config)) {
            m.fit(DATA, FitOptions.epochs(1).batchSize(4).shuffle(false).quiet().callbacks(saveAfter(3, file)));
            assertEquals(5, m.step());
            straight = m.trainingState();
            straightRate = m.learningRate();
        }
        try (Model m = model(config)) {
            Checkpoint c = Checkpoints.restore(m, file);
            assertEquals(3, c.step(), "the step count is in the checkpoint");
            m.fit(rows(12, 20), FitOptions.epochs(1).batchSize(4).shuffle(false).quiet());
            assertEquals(5, m.step());
            assertTrue(straight.sameAs(m.trainingState()), "resumed state differs from 5 straight steps");
            assertEquals(straightRate, m.learningRate());
        }
        // The check can fail: the same checkpoint resumed at step 0 restarts the schedule (and Nadam's, Adam's
        // bias corrections), so it must end elsewhere.
        try (Model m = model(config)) {
            Checkpoint c = Checkpoints.restore(m, file);
            m.restoreTrainingState(c.trainingState(), 0);
            m.fit(rows(12, 20), FitOptions.epochs(1).batchSize(4).shuffle(false).quiet());
            assertFalse(straight.sameAs(m.trainingState()), "a lost step count must show");
        }
    }

    private static Model model(TrainingConfig config) {
        return Model.compile(SPEC, config, ModelOptions.defaults().seed(5));
    }

    /** Saves the whole training state after batch {@code n} (1-based) of the first epoch. */
    private static Callback saveAfter(int n, Path file) {
        return new Callback() {
            private Model model;

            @Override
            public void onTrainBegin(Model model, FitPlan plan) {
                this.model = model;
            }

            @Override
            public void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {
                if (batch + 1 == n) {
                    Checkpoints.save(model, file, 0);
                }
            }
        };
    }

    private static Dataset rows(int from, int to) {
        float[][] x = Arrays.copyOfRange(X, from, to);
        float[][] y = Arrays.copyOfRange(Y, from, to);
        return Dataset.of(x, y);
    }
}
