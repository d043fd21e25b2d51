package dev.strata.train;

import static dev.strata.train.TinyModels.logs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.graph.WeightSet;
import dev.strata.spec.Metric;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EarlyStopping against Keras 3.15's own callback: each scripted sequence below was run through
 * {@code keras.callbacks.EarlyStopping} with the same arguments, and the stop epoch, best value, best epoch and
 * wait counter are what Keras reported.
 */
class EarlyStoppingTest {
    private static final FitPlan PLAN = new FitPlan(0, 100, 1, 1, 0, 1);
    private static Model model;

    @BeforeAll
    static void compile() {
        model = TinyModels.linear(2, 0.1, Metric.AUC);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** Feeds one value per epoch until the callback asks to stop; returns the last epoch run. */
    private static int drive(EarlyStopping es, double... values) {
        es.onTrainBegin(model, PLAN);
        model.clearStopRequest();
        for (int epoch = 0; epoch < values.length; epoch++) {
            es.onEpochEnd(epoch, logs(es.monitor().key(), values[epoch]));
            if (model.stopTrainingRequested()) {
                model.clearStopRequest();
                return epoch;
            }
        }
        return values.length - 1;
    }

    @Test
    void stopsWhenPatienceRunsOut() {
        EarlyStopping es = EarlyStopping.monitor("loss").patience(2);
        assertEquals(3, drive(es, 1.0, 0.9, 0.95, 0.92, 0.91, 0.5));
        assertEquals(3, es.stoppedEpoch());
        assertEquals(0.9, es.best());
        assertEquals(1, es.bestEpoch());
        assertEquals(2, es.waited());
    }

    @Test
    void changesSmallerThanMinDeltaAreNoImprovement() {
        EarlyStopping es = EarlyStopping.monitor("loss").patience(1).minDelta(0.1);
        assertEquals(1, drive(es, 1.0, 0.95, 0.89, 0.7));
        assertEquals(1.0, es.best());
    }

    @Test
    void withABaselineOnlyEpochsBeatingItResetTheWait() {
        // 0.7 and 0.6 improve on the best but not on 0.5: they return before the stop check (Keras's quirk) yet
        // leave the counter running, so the first epoch without improvement stops at once.
        EarlyStopping es = EarlyStopping.monitor("loss").patience(2).baseline(0.5);
        assertEquals(3, drive(es, 0.8, 0.7, 0.6, 0.65, 0.4));
        assertEquals(0.6, es.best());
        assertEquals(2, es.bestEpoch());
        assertEquals(4, es.waited());
    }

    @Test
    void patienceZeroNeverStopsAfterTheFirstEpoch() {
        EarlyStopping es = EarlyStopping.monitor("loss");
        assertEquals(1, drive(es, 0.5, 0.6, 0.7));
    }

    @Test
    void autoModeMaximizesAuc() {
        EarlyStopping rising = EarlyStopping.monitor("val_auc").patience(1);
        assertEquals(4, drive(rising, 0.5, 0.6, 0.7, 0.8, 0.9));
        assertEquals(0, rising.stoppedEpoch());
        assertEquals(4, rising.bestEpoch());
        EarlyStopping falling = EarlyStopping.monitor("val_auc").patience(1);
        assertEquals(1, drive(falling, 0.5, 0.4, 0.45, 0.3));
    }

    @Test
    void explicitModeOverridesTheName() {
        EarlyStopping es = EarlyStopping.monitor("val_loss").mode(Monitor.Mode.MAX).patience(1);
        assertEquals(1, drive(es, 0.5, 0.4, 0.45));
    }

    @Test
    void startFromEpochSkipsTheWarmUp() {
        EarlyStopping es = EarlyStopping.monitor("loss").startFromEpoch(2);
        assertEquals(4, drive(es, 1.0, 2.0, 3.0, 0.1, 5, 6));
        assertEquals(0.1, es.best());
        assertEquals(3, es.bestEpoch());
    }

    @Test
    void autoModeRejectsKeysWithoutADirection() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EarlyStopping.monitor("learning_rate").onTrainBegin(model, PLAN));
        assertTrue(e.getMessage().contains("Monitor.Mode.MAX"), e.getMessage());
    }

    @Test
    void aMissingMonitorDoesNothing() {
        EarlyStopping es = EarlyStopping.monitor("val_loss");
        es.onTrainBegin(model, PLAN);
        es.onEpochEnd(0, logs("loss", 1));
        es.onEpochEnd(1, logs("loss", 2));
        assertFalse(model.stopTrainingRequested());
        assertNull(es.best());
    }

    @Test
    void realFitStopsAtTheRightEpochAndRestoresTheBestWeights() {
        // SGD on a noiseless linear target lowers the loss every epoch, so in MAX mode the first epoch stays
        // the best and patience 2 stops training at epoch 2.
        TinyModels.Recorder rec = new TinyModels.Recorder();
        EarlyStopping es = EarlyStopping.monitor("loss").mode(Monitor.Mode.MAX).patience(2).restoreBestWeights(true);
        try (Model m = TinyModels.linear(3, 0.05)) {
            History h = m.fit(TinyModels.regression(40, 3, 5), FitOptions.epochs(10).batchSize(8).quiet()
                    .callbacks(rec, es));
            assertEquals(3, h.size());
            double[] loss = h.get("loss");
            assertTrue(loss[0] > loss[1] && loss[1] > loss[2], "loss should fall: " + java.util.Arrays.toString(loss));
            assertEquals(2, es.stoppedEpoch());
            assertEquals(0, es.bestEpoch());
            assertTrue(m.weights().sameAs(rec.epochWeights.get(0)), "weights are not those of epoch 0");
            assertFalse(m.weights().sameAs(rec.epochWeights.get(2)));
        }
    }

    @Test
    void restoresTheBestWeightsAlsoWhenTrainingRanToTheEnd() {
        // Keras 3 restores in on_train_end whenever it kept best weights; Keras 2 only did when it had stopped.
        TinyModels.Recorder rec = new TinyModels.Recorder();
        EarlyStopping es = EarlyStopping.monitor("loss").mode(Monitor.Mode.MAX).patience(50).restoreBestWeights(true);
        try (Model m = TinyModels.linear(3, 0.05)) {
            History h = m.fit(TinyModels.regression(40, 3, 5), FitOptions.epochs(4).batchSize(8).quiet()
                    .callbacks(rec, es));
            assertEquals(4, h.size());
            assertEquals(0, es.stoppedEpoch());
            WeightSet best = rec.epochWeights.get(0);
            assertTrue(m.weights().sameAs(best), "weights are not those of epoch 0");
        }
    }

    @Test
    void withoutRestoringTheLastWeightsStay() {
        TinyModels.Recorder rec = new TinyModels.Recorder();
        EarlyStopping es = EarlyStopping.monitor("loss").mode(Monitor.Mode.MAX).patience(1);
        try (Model m = TinyModels.linear(3, 0.05)) {
            m.fit(TinyModels.regression(40, 3, 5), FitOptions.epochs(10).batchSize(8).quiet().callbacks(rec, es));
            assertEquals(2, rec.epochWeights.size());
            assertTrue(m.weights().sameAs(rec.epochWeights.get(1)));
        }
    }

    @Test
    void aMisspelledMonitorIsRefusedWithTheKeysTheModelLogs() {
        for (Callback cb : java.util.List.<Callback>of(EarlyStopping.monitor("val_acuracy"),
                ReduceLROnPlateau.monitor("val_acuracy"))) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> cb.onTrainBegin(model, PLAN));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("monitor='val_acuracy' is not a "
                    + "value this model logs; it logs loss, data_loss, regularization_loss, auc, val_loss"),
                    e.getMessage());
        }
    }
}
