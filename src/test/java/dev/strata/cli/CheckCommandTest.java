package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata check}: one exact line per file, survives any input, exit code for build gating. */
class CheckCommandTest {

    @Test
    void samplesAreOkWithParamsAndRegularizerCounts() {
        StrataCliTest.Outcome o = StrataCliTest.run("check", "dsl-samples/json/mlp_l2_kernel.keras3.json",
                "dsl-samples/json/l1l2_activity.keras2.json");
        assertEquals(0, o.code(), o.out() + o.err());
        List<String> lines = o.out().lines().toList();
        assertEquals(2, lines.size(), o.out());
        assertEquals("ok dsl-samples/json/mlp_l2_kernel.keras3.json params=50890 regularizers=1", lines.get(0));
        assertTrue(lines.get(1).matches("ok dsl-samples/json/l1l2_activity\\.keras2\\.json params=\\d+ regularizers=\\d+"),
                lines.get(1));
    }

    @Test
    void everyShippedSampleChecksOk() {
        File[] samples = new File("dsl-samples/json").listFiles((d, n) -> n.endsWith(".json"));
        assertTrue(samples != null && samples.length >= 6);
        String[] args = new String[samples.length + 1];
        args[0] = "check";
        for (int i = 0; i < samples.length; i++) {
            args[i + 1] = samples[i].getPath();
        }
        StrataCliTest.Outcome o = StrataCliTest.run(args);
        assertEquals(0, o.code(), o.out());
        assertEquals(samples.length, o.out().lines().filter(l -> l.startsWith("ok ")).count(), o.out());
    }

    @Test
    void badFilesGetOneErrorLineEachAndNeverStopTheOthers(@TempDir Path dir) throws Exception {
        Path truncated = dir.resolve("truncated.json");
        Files.writeString(truncated, "{\"class_name\": \"Sequential\", \"config\": {\"layers\": [");
        Path negative = dir.resolve("negative.json");
        Files.writeString(negative, """
                {"class_name": "Sequential", "config": {"name": "s", "layers": [
                  {"class_name": "InputLayer", "config": {"batch_shape": [null, 4]}},
                  {"class_name": "Dense", "config": {"name": "d", "units": -3}}]}}
                """);
        Path binary = dir.resolve("binary.json");
        Files.write(binary, new byte[] {0, (byte) 0xff, 17, 42, 0});
        StrataCliTest.Outcome o = StrataCliTest.run("check", truncated.toString(), negative.toString(),
                dir.resolve("missing.json").toString(), binary.toString(), "dsl-samples/json/mlp_l2_kernel.keras3.json");
        assertEquals(1, o.code());
        List<String> lines = o.out().lines().toList();
        assertEquals(5, lines.size(), o.out());
        assertTrue(lines.get(0).startsWith("error " + truncated + " "), lines.get(0));
        assertTrue(lines.get(1).startsWith("error " + negative + " $.config.layers[1].config.units: "), lines.get(1));
        assertTrue(lines.get(1).contains("-3"), lines.get(1));
        assertEquals("error " + dir.resolve("missing.json") + " no such file: " + dir.resolve("missing.json"),
                lines.get(2));
        assertTrue(lines.get(3).startsWith("error " + binary + " "), lines.get(3));
        assertTrue(lines.get(4).startsWith("ok "), lines.get(4));
    }

    @Test
    void summaryPrintsTheKerasTableAndTrainingConfig() {
        StrataCliTest.Outcome o = StrataCliTest.run("summary", "dsl-samples/json/compiled_adam.keras3.json");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("Total params:"), o.out());
        assertTrue(o.out().contains("Training: optimizer Adam"), o.out());
    }

    /** The real-world corpus beside the project: every file gets ok or a precise error, none crashes. */
    @Test
    void everyCorpusFileGetsOkOrAPreciseError() {
        File corpus = new File("../shared/keras-corpus");
        org.junit.jupiter.api.Assertions.assertTrue(corpus.isDirectory(), "the shared Keras corpus must be at " + corpus.getAbsolutePath());
        File[] files = corpus.listFiles((d, n) -> n.endsWith(".json"));
        Arrays.sort(files);
        int ok = 0;
        for (File f : files) {
            String line = CheckCommand.checkOne(f.toPath(), f.getName());
            assertTrue(line.startsWith("ok ") || line.matches("error \\S+ \\$[^ ]*: .+"), line);
            assertTrue(!line.contains("internal error"), line);
            ok += line.startsWith("ok ") ? 1 : 0;
        }
        System.out.println("[corpus] " + ok + " ok, " + (files.length - ok) + " error of " + files.length);
        assertTrue(ok >= 5, "files built only of supported layers must load: " + ok);
    }
}
