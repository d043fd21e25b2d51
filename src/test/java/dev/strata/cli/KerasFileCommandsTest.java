package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.graph.GraphCompiler;
import dev.strata.graph.WeightSet;
import dev.strata.io.Checkpoints;
import dev.strata.io.KerasFiles;
import dev.strata.json.ModelJson;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code summary} and {@code check} read Keras model files; {@code train --init-weights} starts from saved weights. */
class KerasFileCommandsTest {
    private static final String ARCHIVE = "src/test/resources/golden/weights_layout/batch_norm_stats.keras";
    private static final String IRIS_SPEC = "dsl-samples/json/iris_mlp.keras3.json";
    private static final String IRIS = "dsl-samples/data/iris.csv";

    @Test
    void summaryAndCheckReadAKerasArchive() {
        String expected = GraphCompiler.check(KerasFiles.readConfig(Path.of(ARCHIVE)).spec()).toString();
        StrataCliTest.Outcome summary = StrataCliTest.run("summary", ARCHIVE);
        assertEquals(0, summary.code(), summary.err());
        assertTrue(summary.out().contains(expected), summary.out());
        StrataCliTest.Outcome check = StrataCliTest.run("check", ARCHIVE);
        assertEquals(0, check.code(), check.err());
        assertTrue(check.out().startsWith("ok "), check.out());
    }

    @Test
    void trainStartsFromInitWeights(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("first.weights");
        Path second = dir.resolve("second.weights");
        StrataCliTest.Outcome a = StrataCliTest.run("train", IRIS_SPEC, "--data", IRIS, "--epochs", "2", "--seed", "1",
                "--save-weights", first.toString());
        assertEquals(0, a.code(), a.err());
        // A rate this small leaves every weight where it started: the second run's weights are the first run's.
        StrataCliTest.Outcome b = StrataCliTest.run("train", IRIS_SPEC, "--data", IRIS, "--epochs", "1", "--seed", "2",
                "--learning-rate", "1e-30", "--init-weights", first.toString(), "--save-weights", second.toString());
        assertEquals(0, b.code(), b.err());
        assertTrue(b.out().contains("starting from the weights in " + first), b.out());
        var spec = ModelJson.read(Path.of(IRIS_SPEC)).spec();
        WeightSet w1 = Checkpoints.readWeights(first, spec);
        WeightSet w2 = Checkpoints.readWeights(second, spec);
        assertTrue(w1.sameAs(w2), "weights moved: " + w1 + " vs " + w2);
    }

    @Test
    void initWeightsThatDoNotFitTheSpecAreRefusedNamingTheOption() {
        StrataCliTest.Outcome r = StrataCliTest.run("train", IRIS_SPEC, "--data", IRIS, "--epochs", "1",
                "--init-weights", ARCHIVE);
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().startsWith("strata train: --init-weights " + ARCHIVE + ": "), r.err());
        StrataCliTest.Outcome missing = StrataCliTest.run("train", IRIS_SPEC, "--data", IRIS, "--init-weights",
                "nope.weights.h5");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file: nope.weights.h5 (--init-weights)"), missing.err());
    }
}
