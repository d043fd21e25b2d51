package dev.strata.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The order in which fit calls the hooks, and where a stop request takes effect, as in Keras's fit loop. */
class CallbackHooksTest {
    @Test
    void hooksRunInKerasOrder() {
        TinyModels.Recorder rec = new TinyModels.Recorder();
        try (Model m = TinyModels.linear(2, 0.1)) {
            m.fit(TinyModels.regression(10, 2, 3), FitOptions.epochs(2).batchSize(4).validationSplit(0.2).quiet()
                    .callbacks(rec));
        }
        assertEquals(List.of("train_begin 2 steps",
                "epoch_begin 0", "batch_begin 0/0", "batch_end 0/0", "batch_begin 0/1", "batch_end 0/1",
                "test_begin", "test_end loss", "epoch_end 0",
                "epoch_begin 1", "batch_begin 1/0", "batch_end 1/0", "batch_begin 1/1", "batch_end 1/1",
                "test_begin", "test_end loss", "epoch_end 1",
                "train_end 2"), rec.events);
    }

    @Test
    void aStopRequestedAfterABatchEndsTheEpochButStillValidates() {
        TinyModels.Recorder rec = new TinyModels.Recorder();
        Callback stopAtSecondBatch = new Callback() {
            private Model model;

            @Override
            public void onTrainBegin(Model model, FitPlan plan) {
                this.model = model;
            }

            @Override
            public void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {
                if (batch == 1) {
                    model.stopTraining();
                }
            }
        };
        try (Model m = TinyModels.linear(2, 0.1)) {
            History h = m.fit(TinyModels.regression(20, 2, 3), FitOptions.epochs(3).batchSize(4).validationSplit(0.2)
                    .quiet().callbacks(stopAtSecondBatch, rec));
            assertEquals(1, h.size());
            assertEquals(true, h.has("val_loss"));
            assertEquals(List.of("train_begin 4 steps", "epoch_begin 0", "batch_begin 0/0", "batch_end 0/0",
                    "batch_begin 0/1", "batch_end 0/1", "test_begin", "test_end loss", "epoch_end 0", "train_end 1"),
                    rec.events);
            // A later fit starts afresh: the request does not carry over.
            assertEquals(1, m.fit(TinyModels.regression(20, 2, 3), FitOptions.epochs(1).quiet()).size());
        }
    }

    @Test
    void epochLogsAddedByACallbackReachHistory() {
        Callback addsKey = new Callback() {
            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                logs.put("custom", epoch * 10.0);
            }
        };
        try (Model m = TinyModels.linear(2, 0.1)) {
            History h = m.fit(TinyModels.regression(8, 2, 3), FitOptions.epochs(2).quiet().callbacks(addsKey));
            assertEquals(10.0, h.last("custom"));
        }
    }
}
