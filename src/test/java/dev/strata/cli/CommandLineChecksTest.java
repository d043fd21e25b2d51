package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.cli.StrataCliTest.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user met on the command line: options and files checked before anything loads or trains, missing
 * files named, class-name labels, the bundled data and specs, and {@code --version}.
 */
class CommandLineChecksTest {
    private static final String IRIS_SPEC = "dsl-samples/json/iris_mlp.keras3.json";
    private static final String IRIS = "dsl-samples/data/iris.csv";

    private static void assertUsage(Outcome o, String message) {
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(message), o.err());
        assertFalse(o.out().contains("Model:"), "nothing loads before the options are checked: " + o.out());
    }

    @Test
    void badOptionsAndFilesAreRefusedBeforeAnythingLoads(@TempDir Path dir) {
        assertUsage(StrataCliTest.run("train", IRIS_SPEC, "--data", IRIS, "--epochs", "abc"),
                "--epochs must be a positive integer, was abc");
        assertUsage(StrataCliTest.run("train", IRIS_SPEC, "--data", IRIS, "--seed", "x"),
                "--seed must be an integer, was x");
        assertUsage(StrataCliTest.run("train", IRIS_SPEC, "--data", IRIS, "--validation-split", "1.5"),
                "--validation-split must be in [0, 1), was 1.5");
        assertUsage(StrataCliTest.run("train", dir.resolve("nope.json").toString()),
                "no such file: " + dir.resolve("nope.json") + " (spec)");
        assertUsage(StrataCliTest.run("compare", IRIS_SPEC, "--data", "train.csv"),
                "no such file: train.csv (--data)");
        assertUsage(StrataCliTest.run("train", IRIS_SPEC, "--data", IRIS, "--plot", dir.resolve("x.jpg").toString()),
                "--plot writes PNG images; give a file name ending in .png");
        assertUsage(StrataCliTest.run("train", IRIS_SPEC, "--data", IRIS, "--plot", "/nonexistent-dir/x.png"),
                "directory /nonexistent-dir does not exist");
        assertUsage(StrataCliTest.run("train", IRIS_SPEC, "--data", IRIS, "--history-csv", dir.toString()),
                "--history-csv " + dir + " is a directory");
        assertUsage(StrataCliTest.run("compare", IRIS_SPEC, "--data", IRIS, "--csv", dir.toString()),
                "--csv " + dir + " is a directory");
        assertFalse(Files.exists(Path.of("/nonexistent-dir")), "no directory is created at the root");
    }

    @Test
    void emptyAndHeaderOnlyCsvFilesAreBothDataErrors(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        Path header = Files.writeString(dir.resolve("header.csv"), "a,b,c,d,species\n");
        Outcome e = StrataCliTest.run("train", IRIS_SPEC, "--data", empty.toString());
        assertEquals(1, e.code(), e.err());
        assertTrue(e.err().contains("empty file"), e.err());
        Outcome h = StrataCliTest.run("train", IRIS_SPEC, "--data", header.toString());
        assertEquals(1, h.code(), h.err());
        assertTrue(h.err().contains("no data rows after the header"), h.err());
    }

    @Test
    void irisTrainsFromItsSpeciesNamesAndSavesThemBesideTheWeights(@TempDir Path dir) throws Exception {
        Path weights = dir.resolve("iris.ckpt");
        Outcome o = StrataCliTest.run("train", IRIS_SPEC, "--data", IRIS, "--standardize", "--epochs", "40",
                "--save-weights", weights.toString(), "--export", dir.resolve("saved").toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("classes setosa=0, versicolor=1, virginica=2"), o.out());
        assertTrue(o.out().contains("(learning rate 0.02)"), "as the spec writes it: " + o.out());
        assertEquals(List.of("setosa", "versicolor", "virginica"),
                Files.readAllLines(dir.resolve("iris.ckpt.classes.txt")));
        assertEquals(List.of("setosa", "versicolor", "virginica"),
                Files.readAllLines(dir.resolve("saved/assets.extra/classes.txt")));
        String validation = o.out().lines().filter(l -> l.startsWith("validation: ")).findFirst().orElseThrow();
        double accuracy = Double.parseDouble(validation.replaceAll(".*accuracy: ([0-9.]+).*", "$1"));
        assertTrue(accuracy >= 0.9, "iris is easy; chance is 1/3: " + validation);
    }

    @Test
    void versionIsPrinted() {
        Outcome o = StrataCliTest.run("--version");
        assertEquals(0, o.code());
        assertTrue(o.out().matches("strata \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(TensorFlow Java 1\\.1\\.0\\)\\s*"),
                o.out());
    }

    @Test
    void predictsWithAKerasArchiveOverACsvOfInputs(@TempDir Path dir) throws Exception {
        // The first two inputs of tools/keras-golden/keras_files.py's nested model and Keras's predictions for them.
        com.fasterxml.jackson.databind.JsonNode c = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                Path.of("src/test/resources/golden/keras_files/predictions.json").toFile()).get("nested");
        StringBuilder csv = new StringBuilder("a,b,c,d,e\n");
        for (int row = 0; row < 2; row++) {
            for (int col = 0; col < 5; col++) {
                csv.append(col == 0 ? "" : ",").append(c.get("x").get("data").get(row * 5 + col).asDouble());
            }
            csv.append('\n');
        }
        Path inputs = Files.writeString(dir.resolve("in.csv"), csv);
        Path out = dir.resolve("out.csv");
        Outcome o = StrataCliTest.run("predict", "src/test/resources/golden/keras_files/nested.keras", "--data",
                inputs.toString(), "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(2, lines.size());
        for (int row = 0; row < 2; row++) {
            double want = c.get("y").get("data").get(row).asDouble();
            assertEquals(want, Double.parseDouble(lines.get(row)), 1e-5 * Math.max(1, Math.abs(want)));
        }
        assertUsage(StrataCliTest.run("predict", "dsl-samples/json/iris_mlp.keras3.json", "--data", inputs.toString()),
                "a JSON spec needs its trained weights: --weights FILE");
        Outcome wrongWidth = StrataCliTest.run("predict", "src/test/resources/golden/keras_files/cnn.keras",
                "--data", inputs.toString());
        assertEquals(1, wrongWidth.code());
        assertTrue(wrongWidth.err().contains("the header has 5 columns but the model takes 64 values per example"),
                wrongWidth.err());
    }

    @Test
    void convertsAKeras2H5ToAKerasArchiveThatPredictsTheSame(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("nested.keras");
        Outcome o = StrataCliTest.run("convert", "src/test/resources/golden/keras_files/nested.h5", out.toString());
        assertEquals(0, o.code(), o.err());
        float[][] x = {{0.5f, -1f, 0.25f, 2f, -0.75f}};
        try (dev.strata.train.Model h5 = dev.strata.io.KerasFiles.load(
                Path.of("src/test/resources/golden/keras_files/nested.h5"));
             dev.strata.train.Model keras = dev.strata.io.KerasFiles.load(out)) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(h5.predict(x)[0], keras.predict(x)[0]);
        }
        assertUsage(StrataCliTest.run("convert", "src/test/resources/golden/keras_files/nested.h5",
                dir.resolve("x.h5").toString()), "give a name ending in .keras");
    }
}
