package dev.strata.train;

import static dev.strata.train.TinyModels.logs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ReduceLROnPlateau and LearningRateScheduler change the rate at the right epochs. The plateau sequence was run
 * through Keras 3.15's {@code ReduceLROnPlateau} with the same arguments: the logged and resulting rates below are
 * Keras's, float32 values widened to double.
 */
class LearningRateCallbacksTest {
    private static final FitPlan PLAN = new FitPlan(0, 100, 1, 1, 0, 1);

    @Test
    void reduceLrOnPlateauFollowsKerasPatienceCooldownAndMinLr() {
        double[] losses = {1.0, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.5, 0.5, 0.5, 0.5};
        ReduceLROnPlateau cb = ReduceLROnPlateau.monitor("loss").factor(0.5).patience(2).cooldown(1).minLr(0.02);
        List<Double> logged = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        try (Model m = TinyModels.linear(2, 0.1)) {
            cb.onTrainBegin(m, PLAN);
            for (int epoch = 0; epoch < losses.length; epoch++) {
                Map<String, Double> logs = logs("loss", losses[epoch]);
                cb.onEpochEnd(epoch, logs);
                logged.add(logs.get("learning_rate"));
                after.add(m.learningRate());
            }
        }
        double lr1 = 0.10000000149011612;
        double lr2 = 0.05000000074505806;
        double lr3 = 0.02500000037252903;
        double lr4 = 0.019999999552965164;
        assertEquals(List.of(lr1, lr1, lr1, lr1, lr2, lr2, lr3, lr3, lr4, lr4, lr4, lr4), logged);
        assertEquals(List.of(lr1, lr1, lr1, lr2, lr2, lr3, lr3, lr4, lr4, lr4, lr4, lr4), after);
    }

    @Test
    void reduceLrOnPlateauInARealFitAddsLearningRateToHistory() {
        // MAX mode on a falling loss: no epoch after the first improves, so with patience 1 every epoch from
        // the second halves the rate the next one trains with.
        ReduceLROnPlateau cb = ReduceLROnPlateau.monitor("loss").mode(Monitor.Mode.MAX).factor(0.5).patience(1);
        try (Model m = TinyModels.linear(3, 0.08)) {
            History h = m.fit(TinyModels.regression(32, 3, 2), FitOptions.epochs(4).batchSize(8).quiet().callbacks(cb));
            assertArrayEquals(new double[] {0.08f, 0.08f, 0.04f, 0.02f}, h.get("learning_rate"));
            assertEquals(0.01f, m.learningRate());
        }
    }

    @Test
    void factorOfOneOrMoreIsRejectedAsInKeras() {
        assertThrows(IllegalArgumentException.class, () -> ReduceLROnPlateau.monitor("loss").factor(1.0));
    }

    @Test
    void schedulerSetsTheRateBeforeEachEpochAndLogsIt() {
        TinyModels.Recorder rec = new TinyModels.Recorder();
        List<Double> seen = new ArrayList<>();
        LearningRateScheduler cb = LearningRateScheduler.of((epoch, lr) -> {
            seen.add(lr);
            return epoch < 2 ? lr : lr * 0.5;
        });
        try (Model m = TinyModels.linear(3, 0.1)) {
            History h = m.fit(TinyModels.regression(32, 3, 2), FitOptions.epochs(4).batchSize(8).quiet()
                    .callbacks(cb, rec));
            // The schedule sees the float32 rate: 0.1f, then 0.05f after its first halving.
            assertEquals(List.of((double) 0.1f, (double) 0.1f, (double) 0.1f, (double) 0.05f), seen);
            assertArrayEquals(new double[] {0.1f, 0.1f, 0.05f, 0.025f}, h.get("learning_rate"));
            assertEquals(List.of((double) 0.1f, (double) 0.1f, (double) 0.05f, (double) 0.025f), rec.learningRates);
        }
    }

    @Test
    void theScheduledRateIsTheOneTheStepUses() {
        // One batch per epoch and plain SGD: the bias moves by exactly lr * dL/db, so a rate of 0 freezes it.
        try (Model m = TinyModels.linear(3, 0.1)) {
            float[] before = m.weights().values("dense/bias").clone();
            m.fit(TinyModels.regression(8, 3, 2), FitOptions.epochs(2).batchSize(8).quiet()
                    .callbacks(LearningRateScheduler.of((epoch, lr) -> 0.0)));
            assertArrayEquals(before, m.weights().values("dense/bias"));
        }
    }

    @Test
    void aScheduleReturningNanFailsWithTheEpoch() {
        try (Model m = TinyModels.linear(3, 0.1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.fit(
                    TinyModels.regression(8, 3, 2), FitOptions.epochs(3).quiet()
                            .callbacks(LearningRateScheduler.of((epoch, lr) -> epoch == 1 ? Double.NaN : lr))));
            assertEquals("The output of the schedule function should be a finite float >= 0. Got: NaN for epoch 1",
                    e.getMessage());
        }
    }
}
