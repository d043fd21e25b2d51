package dev.strata.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.graph.WeightSet;
import dev.strata.io.CheckpointException.Reason;
import dev.strata.spec.Activation;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.testing.Fixtures;
import dev.strata.train.FitOptions;
import dev.strata.train.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weights files, applying checkpoints to models that do not fit them, and atomic saves. */
class CheckpointsTest {
    @TempDir
    Path dir;

    private Path trainedCheckpoint(boolean weightsOnly) {
        Path file = dir.resolve(weightsOnly ? "w.ckpt" : "state.ckpt");
        try (Model m = IoFixtures.model(1)) {
            m.fit(IoFixtures.DATA, FitOptions.epochs(2).batchSize(16).quiet());
            if (weightsOnly) {
                Checkpoints.saveWeights(m, file);
            } else {
                Checkpoints.save(m, file, 2);
            }
        }
        return file;
    }

    @Test
    void weightsFileLoadsIntoAFreshModelFromTheSameSpec() {
        Path file = dir.resolve("clf.weights");
        float[][] want;
        WeightSet trained;
        try (Model m = IoFixtures.model(1)) {
            m.fit(IoFixtures.DATA, FitOptions.epochs(3).batchSize(16).quiet());
            Checkpoints.saveWeights(m, file);
            want = m.predict(IoFixtures.X);
            trained = m.weights();
        }
        Checkpoint c = Checkpoints.read(file);
        assertEquals(Checkpoint.Kind.WEIGHTS, c.kind());
        assertEquals(-1, c.epoch());
        assertEquals(12, c.step());
        assertEquals("clf", c.modelName());
        assertTrue(c.optimizerState().entries().isEmpty());
        try (Model fresh = IoFixtures.model(99)) {
            assertFalse(fresh.weights().sameAs(trained));
            Checkpoints.loadWeights(fresh, file);
            assertTrue(fresh.weights().sameAs(trained));
            assertEquals(0, fresh.step(), "loading weights leaves the optimizer alone");
            assertArrayEquals(Fixtures.flat(want), Fixtures.flat(fresh.predict(IoFixtures.X)), 0f);
        }
        WeightSet bySpec = Checkpoints.readWeights(file, IoFixtures.SPEC);
        assertTrue(bySpec.sameAs(trained));
        assertEquals(List.of("dense/kernel", "dense/bias", "dense_1/kernel", "dense_1/bias"),
                List.copyOf(bySpec.entries().keySet()));
    }

    @Test
    void weightsOfATrainingStateCheckpointLoadToo() {
        Path file = trainedCheckpoint(false);
        try (Model fresh = IoFixtures.model(5)) {
            Checkpoints.loadWeights(fresh, file);
            assertTrue(fresh.weights().sameAs(Checkpoints.read(file).weights()));
        }
    }

    @Test
    void restoringAWeightsFileIsTheWrongKind() {
        Path file = trainedCheckpoint(true);
        try (Model m = IoFixtures.model(1)) {
            CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.restore(m, file));
            assertEquals(Reason.WRONG_KIND, e.reason());
            assertTrue(e.getMessage().contains("loadWeights"), e.getMessage());
        }
    }

    @Test
    void anotherArchitectureIsRejectedNamingTheWeight() {
        Path file = trainedCheckpoint(false);
        Sequential wider = Sequential.named("clf").input(4)
                .add(Dense.units(16).activation(Activation.RELU))
                .add(Dense.units(3).activation(Activation.SOFTMAX));
        try (Model m = Model.compile(wider, IoFixtures.ADAM)) {
            WeightSet before = m.trainingState();
            CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.restore(m, file));
            assertEquals(Reason.INCOMPATIBLE, e.reason());
            assertTrue(e.getMessage().contains("weight 'dense/kernel' has shape [4, 12] in the checkpoint but [4, 16]"
                    + " in model 'clf'"), e.getMessage());
            assertTrue(m.trainingState().sameAs(before), "a rejected checkpoint changes nothing");
        }
        Sequential deeper = IoFixtures.SPEC.add(Dense.units(2).activation(Activation.SOFTMAX));
        try (Model m = Model.compile(deeper, IoFixtures.ADAM)) {
            CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.loadWeights(m, file));
            assertEquals(Reason.INCOMPATIBLE, e.reason());
            assertTrue(e.getMessage().contains("has weight 'dense_2/kernel' [3, 2] that the checkpoint lacks"),
                    e.getMessage());
        }
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.readWeights(file,
                Sequential.named("small").input(4).add(Dense.units(12))));
        assertTrue(e.getMessage().contains("holds weight 'dense_1/kernel' [12, 3] that model 'small' lacks"),
                e.getMessage());
    }

    @Test
    void anotherOptimizerIsRejectedNamingTheSlot() {
        Path file = trainedCheckpoint(false);
        TrainingConfig sgd = TrainingConfig.of(Optimizer.sgd(0.1).momentum(0.9), Loss.categoricalCrossentropy());
        try (Model m = Model.compile(IoFixtures.SPEC, sgd)) {
            CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.restore(m, file));
            assertEquals(Reason.INCOMPATIBLE, e.reason());
            assertTrue(e.getMessage().contains("optimizer state entry 'optimizer/dense/kernel/momentum'"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("another optimizer"), e.getMessage());
            // The weights alone still fit.
            Checkpoints.loadWeights(m, file);
        }
    }

    @Test
    void aFailingWriteLeavesThePreviousCheckpointIntact() throws IOException {
        Path file = trainedCheckpoint(false);
        byte[] before = Files.readAllBytes(file);
        // A weight of rank 33 passes WeightSet but not the format: the writer fails after the header is out.
        long[] shape = new long[33];
        java.util.Arrays.fill(shape, 1);
        Checkpoint unwritable = new Checkpoint(Checkpoint.Kind.WEIGHTS, 3, 0, "clf", new WeightSet(Map.of(
                "deep", new WeightSet.Entry(shape, new float[] {1}))), new WeightSet(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Checkpoints.write(unwritable, file));
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), files());

        IOException crash = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        }));
        assertEquals("disk full", crash.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), files(), "no temporary file is left behind");
        assertEquals(2, Checkpoints.read(file).epoch());
    }

    @Test
    void aSaveReplacesTheOldFileWhole() {
        Path file = trainedCheckpoint(false);
        try (Model m = IoFixtures.model(2)) {
            Checkpoints.save(m, file, 0);
            assertEquals(0, Checkpoints.read(file).epoch());
            assertTrue(Checkpoints.read(file).weights().sameAs(m.weights()));
        }
        Path nested = dir.resolve("a/b/c.ckpt");
        try (Model m = IoFixtures.model(2)) {
            Checkpoints.saveWeights(m, nested, 4);
        }
        assertEquals(4, Checkpoints.read(nested).epoch());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
