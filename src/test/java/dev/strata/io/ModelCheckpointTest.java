package dev.strata.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.train.Callback;
import dev.strata.train.FitOptions;
import dev.strata.train.FitPlan;
import dev.strata.train.History;
import dev.strata.train.Model;
import dev.strata.train.Monitor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keras {@code ModelCheckpoint} semantics: which epochs write which file, of which kind. */
class ModelCheckpointTest {
    private static final FitPlan PLAN = new FitPlan(0, 6, 6, 48, 12, 8);

    @TempDir
    Path dir;

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Drives the callback with scripted logs, as {@code fit} would, so the monitored values are known exactly. */
    private static void drive(ModelCheckpoint cb, Model model, String key, double... values) {
        cb.onTrainBegin(model, PLAN);
        for (int e = 0; e < values.length; e++) {
            cb.onEpochBegin(e);
            for (int b = 0; b < PLAN.stepsPerEpoch(); b++) {
                cb.onBatchEnd(e, b, Map.of("loss", 1.0));
            }
            cb.onEpochEnd(e, Map.of("loss", 1.0, key, values[e]));
        }
    }

    @Test
    void saveBestOnlyWritesOnlyWhenTheMonitorImproves() throws IOException {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        ModelCheckpoint cb = ModelCheckpoint.to(dir.resolve("e{epoch:02d}.ckpt")).saveBestOnly(true)
                .verbose(new PrintStream(said, true, StandardCharsets.UTF_8));
        try (Model m = IoFixtures.model(1)) {
            // A tie is not an improvement; NaN never is.
            drive(cb, m, "val_loss", 0.9, 0.7, 0.8, 0.6, 0.6, Double.NaN, 0.65);
        }
        assertEquals(List.of("e01.ckpt", "e02.ckpt", "e04.ckpt"), files());
        assertEquals(0.6, cb.best());
        assertEquals(4, Checkpoints.read(dir.resolve("e04.ckpt")).epoch());
        String log = said.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("Epoch 1: val_loss improved from None to 0.90000, saving model to "), log);
        assertTrue(log.contains("Epoch 2: val_loss improved from 0.90000 to 0.70000, saving model to "), log);
        assertTrue(log.contains("Epoch 3: val_loss did not improve from 0.70000"), log);
        assertTrue(log.contains("Epoch 5: val_loss did not improve from 0.60000"), log);
    }

    @Test
    void accuracyIsMaximisedInAutoModeAndThresholdsCount() throws IOException {
        ModelCheckpoint cb = ModelCheckpoint.to(dir.resolve("acc-{epoch}.ckpt").toString()).monitor("val_accuracy")
                .saveBestOnly(true).initialValueThreshold(0.5);
        try (Model m = IoFixtures.model(1)) {
            drive(cb, m, "val_accuracy", 0.4, 0.55, 0.5, 0.8, 0.79);
        }
        assertEquals(List.of("acc-2.ckpt", "acc-4.ckpt"), files());
    }

    @Test
    void explicitModeOverridesAuto() throws IOException {
        ModelCheckpoint cb = ModelCheckpoint.to(dir.resolve("{epoch}.ckpt").toString()).monitor("val_loss")
                .mode(Monitor.Mode.MAX).saveBestOnly(true);
        try (Model m = IoFixtures.model(1)) {
            drive(cb, m, "val_loss", 0.5, 0.4, 0.6);
        }
        assertEquals(List.of("1.ckpt", "3.ckpt"), files());
    }

    @Test
    void aMisspelledMonitorIsNamedWithTheKeysTheModelLogs() {
        ModelCheckpoint cb = ModelCheckpoint.to(dir.resolve("x.ckpt").toString()).monitor("val_speed")
                .saveBestOnly(true);
        try (Model m = IoFixtures.model(1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cb.onTrainBegin(m, PLAN));
            assertTrue(e.getMessage().contains("monitor='val_speed' is not a value this model logs; it logs loss, "
                    + "data_loss, regularization_loss"), e.getMessage());
            assertTrue(e.getMessage().contains("val_loss"), e.getMessage());
        }
    }

    @Test
    void duringFitTheBestEpochsAreTheOnesTheHistoryShows() throws IOException {
        History h;
        try (Model m = IoFixtures.model(3)) {
            h = m.fit(IoFixtures.DATA, FitOptions.epochs(8).batchSize(8).validationSplit(0.2).quiet().callbacks(
                    ModelCheckpoint.to(dir.resolve("best-{epoch:02d}-{val_loss:.4f}.ckpt").toString())
                            .saveBestOnly(true)));
        }
        double[] val = h.get("val_loss");
        List<String> expected = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (int e = 0; e < val.length; e++) {
            if (val[e] < best) {
                best = val[e];
                expected.add(String.format(java.util.Locale.ROOT, "best-%02d-%.4f.ckpt", e + 1, val[e]));
            }
        }
        assertTrue(expected.size() >= 2, "the run should improve more than once: " + expected);
        assertEquals(expected, files());
    }

    @Test
    void withoutEpochInThePathTheBestModelOverwritesOneFile() throws IOException {
        Path file = dir.resolve("best.ckpt");
        ModelCheckpoint cb = ModelCheckpoint.to(file).saveBestOnly(true);
        try (Model m = IoFixtures.model(1)) {
            drive(cb, m, "val_loss", 0.9, 0.5, 0.7);
        }
        assertEquals(List.of("best.ckpt"), files());
        assertEquals(2, Checkpoints.read(file).epoch());
    }

    @Test
    void everyEpochFullStateByDefaultOrWeightsOnlyOnRequest() throws IOException {
        try (Model m = IoFixtures.model(1)) {
            m.fit(IoFixtures.DATA, FitOptions.epochs(3).batchSize(8).quiet().callbacks(
                    ModelCheckpoint.to(dir.resolve("state-{epoch}.ckpt").toString()),
                    ModelCheckpoint.to(dir.resolve("w-{epoch}.weights").toString()).saveWeightsOnly(true)));
        }
        assertEquals(List.of("state-1.ckpt", "state-2.ckpt", "state-3.ckpt", "w-1.weights", "w-2.weights",
                "w-3.weights"), files());
        for (int e = 1; e <= 3; e++) {
            Checkpoint state = Checkpoints.read(dir.resolve("state-" + e + ".ckpt"));
            Checkpoint weights = Checkpoints.read(dir.resolve("w-" + e + ".weights"));
            assertEquals(Checkpoint.Kind.TRAINING_STATE, state.kind());
            assertEquals(Checkpoint.Kind.WEIGHTS, weights.kind());
            assertEquals(e, state.epoch());
            assertEquals(e * 8L, state.step(), "60 rows in batches of 8");
            assertTrue(state.weights().sameAs(weights.weights()));
            assertFalse(state.optimizerState().entries().isEmpty());
        }
    }

    @Test
    void saveFreqCountsBatchesAcrossEpochs() throws IOException {
        try (Model m = IoFixtures.model(1)) {
            // 60 rows in batches of 8: 8 batches an epoch; every 5 batches over 2 epochs saves 3 times.
            m.fit(IoFixtures.DATA, FitOptions.epochs(2).batchSize(8).quiet().callbacks(
                    ModelCheckpoint.to(dir.resolve("e{epoch}-b{batch}.ckpt").toString()).saveFreq(5)));
        }
        assertEquals(List.of("e1-b5.ckpt", "e2-b2.ckpt", "e2-b7.ckpt"), files());
        Checkpoint midEpoch = Checkpoints.read(dir.resolve("e2-b2.ckpt"));
        assertEquals(1, midEpoch.epoch(), "inside epoch 2 only epoch 1 is complete");
        assertEquals(10, midEpoch.step());
    }

    @Test
    void anEpochCutShortByStopTrainingIsNotCountedAsDone() {
        Callback stopMidEpoch = new Callback() {
            private Model model;

            @Override
            public void onTrainBegin(Model model, FitPlan plan) {
                this.model = model;
            }

            @Override
            public void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {
                if (epoch == 1 && batch == 2) {
                    model.stopTraining();
                }
            }
        };
        try (Model m = IoFixtures.model(1)) {
            m.fit(IoFixtures.DATA, FitOptions.epochs(4).batchSize(8).quiet().callbacks(stopMidEpoch,
                    ModelCheckpoint.to(dir.resolve("e{epoch}.ckpt").toString())));
        }
        assertEquals(1, Checkpoints.read(dir.resolve("e1.ckpt")).epoch());
        Checkpoint cut = Checkpoints.read(dir.resolve("e2.ckpt"));
        assertEquals(1, cut.epoch(), "epoch 2 stopped after 3 of 8 batches: resume must train it again");
        assertEquals(8 + 3, cut.step());
    }

    @Test
    void monitoringValidationWithoutValidationDataFailsBeforeTraining() throws IOException {
        try (Model m = IoFixtures.model(1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.fit(IoFixtures.DATA,
                    FitOptions.epochs(2).quiet().callbacks(ModelCheckpoint.to(dir.resolve("x.ckpt").toString())
                            .saveBestOnly(true))));
            assertTrue(e.getMessage().contains("no validation data"), e.getMessage());
            assertEquals(0, m.step());
        }
        assertEquals(List.of(), files());
    }

    @Test
    void pathTemplatesFollowPythonFormatting() {
        FilePathTemplate t = new FilePathTemplate("w.{epoch:02d}-{val_loss:.2f}-{batch}{{x}}.ckpt");
        assertEquals("w.03-0.57-12{x}.ckpt", t.format(Map.of("epoch", 3, "val_loss", 0.5678, "batch", 12)));
        assertEquals("1.500000e-03", new FilePathTemplate("{loss:e}").format(Map.of("loss", 0.0015)));
        assertEquals("0.25", new FilePathTemplate("{loss}").format(Map.of("loss", 0.25)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FilePathTemplate("a{epoch.ckpt"))
                .getMessage().contains("never closed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FilePathTemplate("a}b"))
                .getMessage().contains("single '}'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FilePathTemplate("{epoch:>10}"))
                .getMessage().contains("unsupported format spec"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> t.format(Map.of("epoch", 1)));
        assertTrue(missing.getMessage().contains("no value for 'val_loss'"), missing.getMessage());
        IllegalArgumentException floatAsInt = assertThrows(IllegalArgumentException.class,
                () -> new FilePathTemplate("{loss:d}").format(Map.of("loss", 0.5)));
        assertTrue(floatAsInt.getMessage().contains("wants an integer"), floatAsInt.getMessage());
    }
}
