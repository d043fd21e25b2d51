package dev.strata.json;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every JSON sample in {@code dsl-samples/json} is read and written back (in the dialect it came in, with its
 * training settings); the output must match the stored golden file byte for byte. After an intended change,
 * regenerate with {@code mvn test -Dtest='dev.strata.json.GoldenFilesTest' -Dstrata.updateGolden=true} and
 * review the diff.
 */
class GoldenFilesTest {
    static final Path SAMPLES = Path.of("dsl-samples/json");
    static final Path GOLDEN = Path.of("src/test/resources/json/golden");

    static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return new ArrayList<>(files.filter(p -> p.toString().endsWith(".json")).sorted().toList());
        }
    }

    @Test
    void everySampleWritesItsGoldenFile() throws IOException {
        boolean update = Boolean.getBoolean("strata.updateGolden");
        List<Path> samples = samples();
        assertTrue(samples.size() >= 7, "samples: " + samples);
        for (Path sample : samples) {
            ReadResult r = ModelJson.read(sample);
            String written = ModelJson.write(r.spec(), r.trainingConfig(), r.dialect());
            Path golden = GOLDEN.resolve(sample.getFileName());
            if (update) {
                Files.createDirectories(GOLDEN);
                Files.writeString(golden, written, StandardCharsets.UTF_8);
            }
            assertTrue(Files.exists(golden), "no golden file for " + sample + "; run with -Dstrata.updateGolden=true");
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), written, "golden mismatch for " + sample);
            assertEquals(r.spec(), ModelJson.read(golden).spec(), "the golden file reads back to the same spec");
        }
    }

    @Test
    void samplesCoverTheIssuesList() throws IOException {
        List<String> names = samples().stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.contains("mlp_l2_kernel.keras3.json"));
        assertTrue(names.contains("dense_l1_kernel_l2_bias.keras2.json"));
        assertTrue(names.contains("l1l2_activity.keras2.json"));
        assertTrue(names.contains("dropout_flatten.keras3.json"));
        assertEquals(Dialect.KERAS2, ModelJson.read(SAMPLES.resolve("functional.keras2.json")).dialect());
        assertEquals(Dialect.KERAS3, ModelJson.read(SAMPLES.resolve("functional.keras3.json")).dialect());
        assertTrue(ModelJson.read(SAMPLES.resolve("compiled_adam.keras3.json")).training().isPresent());
        assertTrue(ModelJson.read(SAMPLES.resolve("tfjs_training_config.json")).training().isPresent());
    }
}
