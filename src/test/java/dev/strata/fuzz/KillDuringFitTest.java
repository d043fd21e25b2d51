package dev.strata.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.graph.WeightSet;
import dev.strata.io.Checkpoint;
import dev.strata.io.Checkpoints;
import dev.strata.train.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during fit (issue 14): a child JVM trains with {@code ModelCheckpoint} and is killed
 * ({@code destroyForcibly}, SIGKILL) mid-run. Every checkpoint it left must read (files are written whole or not
 * at all), and resuming from the newest to the end must reach exactly the weights, optimizer state and step of an
 * uninterrupted run.
 */
class KillDuringFitTest {
    @Test
    void killedRunResumesFromItsLastCheckpointToTheSameWeights(@TempDir Path dir) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KillDuringFit.class.getName(), dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // Kill once a few epochs are saved; the bound only guards against a child that never starts training.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (checkpoints(dir).size() < 4 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(child.isAlive(), "the child finished or died before it could be killed");
        } finally {
            child.destroyForcibly().waitFor();
        }
        List<Path> left = checkpoints(dir);
        assertTrue(left.size() >= 4 && left.size() < KillDuringFit.EPOCHS, "checkpoints left: " + left);
        for (Path p : left) {
            Checkpoints.read(p); // throws CheckpointException for a partial file
        }
        WeightSet want;
        long wantStep;
        try (Model m = KillDuringFit.model()) {
            m.fit(KillDuringFit.DATA, KillDuringFit.options(KillDuringFit.EPOCHS));
            want = m.trainingState();
            wantStep = m.step();
        }
        try (Model m = KillDuringFit.model()) {
            Checkpoint c = Checkpoints.restore(m, left.get(left.size() - 1));
            assertEquals(left.size(), c.epoch(), "the newest file holds the last epoch finished");
            m.fit(KillDuringFit.DATA, KillDuringFit.options(KillDuringFit.EPOCHS).initialEpoch(c.epoch()));
            assertEquals(wantStep, m.step());
            assertTrue(want.sameAs(m.trainingState()), "resumed weights, moments or learning rate differ");
        }
    }

    /** The checkpoint files, oldest first; a writer's temporary file is not one. */
    private static List<Path> checkpoints(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("epoch-\\d+\\.ckpt")).sorted().toList();
        }
    }
}
