package dev.strata.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.graph.WeightSet;
import dev.strata.testing.Fixtures;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill and resume: a run stopped after epoch k, saved, and resumed in a new model from the checkpoint ends with
 * the same bits as a run that never stopped. The model has Dropout (masks drawn from seed and step) and Adam
 * (moments and bias correction from the step), so any state the checkpoint missed would show.
 */
class ResumeTest {
    private static final int EPOCHS = 6;
    private static final int STOP_AFTER = 2;
    private static final long SEED = 17;

    @TempDir
    Path dir;

    private static FitOptions options(int epochs) {
        return FitOptions.epochs(epochs).batchSize(8).validationSplit(0.2).quiet();
    }

    private record Run(WeightSet state, long step, History history, float[][] predictions) {
    }

    private static Run uninterrupted() {
        try (Model m = IoFixtures.model(SEED)) {
            History h = m.fit(IoFixtures.DATA, options(EPOCHS));
            return new Run(m.trainingState(), m.step(), h, m.predict(IoFixtures.X));
        }
    }

    private static Run resumed(Path checkpoint) {
        // The same seed: shuffles and dropout masks are functions of it, as they are of the epoch and the step.
        try (Model m = IoFixtures.model(SEED)) {
            Checkpoint c = Checkpoints.restore(m, checkpoint);
            assertEquals(STOP_AFTER, c.epoch());
            History h = m.fit(IoFixtures.DATA, options(EPOCHS).initialEpoch(c.epoch()));
            return new Run(m.trainingState(), m.step(), h, m.predict(IoFixtures.X));
        }
    }

    private static void assertSameRun(Run want, Run got) {
        assertTrue(want.state().sameAs(got.state()), "weights, Adam moments or learning rate differ");
        assertEquals(want.step(), got.step());
        assertEquals(EPOCHS - STOP_AFTER, got.history().size());
        assertEquals(STOP_AFTER, got.history().epochNumber(0));
        for (String key : want.history().keys()) {
            double[] all = want.history().get(key);
            assertArrayEquals(java.util.Arrays.copyOfRange(all, STOP_AFTER, EPOCHS), got.history().get(key), 0.0, key);
        }
        assertArrayEquals(Fixtures.flat(want.predictions()), Fixtures.flat(got.predictions()), 0f);
    }

    @Test
    void resumedRunEndsBitIdenticalToAnUninterruptedOne() {
        Path file = dir.resolve("run.ckpt");
        try (Model first = IoFixtures.model(SEED)) {
            first.fit(IoFixtures.DATA, options(STOP_AFTER));
            Checkpoints.save(first, file, STOP_AFTER);
            assertEquals(STOP_AFTER * 6L, first.step(), "48 training rows in batches of 8");
        }
        assertSameRun(uninterrupted(), resumed(file));
    }

    @Test
    void resumingFromModelCheckpointFilesIsBitIdenticalToo() {
        String pattern = dir.resolve("epoch-{epoch:02d}.ckpt").toString();
        try (Model first = IoFixtures.model(SEED)) {
            // The run is "killed" after its fourth epoch; the file of epoch 2 is the one we resume from.
            first.fit(IoFixtures.DATA, options(4).callbacks(ModelCheckpoint.to(pattern)));
        }
        assertTrue(dir.resolve("epoch-04.ckpt").toFile().isFile());
        assertSameRun(uninterrupted(), resumed(dir.resolve("epoch-02.ckpt")));
    }

    @Test
    void withoutTheOptimizerStateTheRunWouldDiverge() {
        // Control for the tests above: weights alone do not resume Adam, so bit-identity is a real check.
        Path file = dir.resolve("weights.ckpt");
        try (Model first = IoFixtures.model(SEED)) {
            first.fit(IoFixtures.DATA, options(STOP_AFTER));
            Checkpoints.saveWeights(first, file, STOP_AFTER);
        }
        Run want = uninterrupted();
        try (Model m = IoFixtures.model(SEED)) {
            Checkpoint c = Checkpoints.loadWeights(m, file);
            m.fit(IoFixtures.DATA, options(EPOCHS).initialEpoch(c.epoch()));
            assertFalse(want.state().sameAs(m.trainingState()));
        }
    }
}
