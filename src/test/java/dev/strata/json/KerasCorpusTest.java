package dev.strata.json;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shared corpus of real Keras 1/2/3 and TF.js topologies (read in place, never copied): every file either
 * loads, or fails with a {@link JsonSpecException} naming the layer class or feature and its JSON path.
 */
class KerasCorpusTest {
    static final Path CORPUS = Path.of("../shared/keras-corpus");

    /** Files whose layers are all supported today; they must keep loading. */
    static final List<String> LOADABLE = List.of(
            "dl4j-test-resources_keras2_l1l2-regularizer-dense.json",
            "hls4ml-example-models_KERAS_dense_16x200x5_l1-dropout.json",
            "maternal-health_keras215_tfjs.json",
            "obesity-risk_keras370_dense_L2.json",
            "tfjs-examples_abalone-node_tfjs-written.json");

    @Test
    void everyFileLoadsOrFailsWithATypedPathedError() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "the shared corpus is not next to the project");
        List<Path> files;
        try (Stream<Path> list = Files.list(CORPUS)) {
            files = new ArrayList<>(list.filter(p -> p.toString().endsWith(".json")).sorted().toList());
        }
        assertTrue(files.size() > 50, "corpus files: " + files.size());
        List<String> loaded = new ArrayList<>();
        Map<String, List<String>> refused = new TreeMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                ReadResult r = ModelJson.read(file);
                loaded.add(name);
                String again = ModelJson.write(r.spec(), r.trainingConfig(), r.dialect());
                assertEquals(r.spec(), ModelJson.read(again).spec(), "round trip of " + name);
            } catch (JsonSpecException e) {
                assertTrue(e.path().startsWith("$"), name + ": " + e.getMessage());
                assertNotNull(e.feature(), name + " names no feature: " + e.getMessage());
                assertTrue(e.getMessage().contains(e.feature()), name + ": " + e.getMessage());
                assertTrue(e.getMessage().startsWith(name + ":"), name + ": " + e.getMessage());
                refused.computeIfAbsent(e.kind() + " " + e.feature(), k -> new ArrayList<>()).add(name);
            } catch (RuntimeException e) {
                fail(name + " threw " + e, e);
            }
        }
        StringBuilder report = new StringBuilder("Keras corpus: " + files.size() + " files, " + loaded.size()
                + " loaded, " + (files.size() - loaded.size()) + " refused\n");
        loaded.forEach(n -> report.append("  loaded  ").append(n).append('\n'));
        refused.entrySet().stream()
                .sorted((a, b) -> b.getValue().size() - a.getValue().size())
                .forEach(e -> report.append(String.format("  %3d  %s%n", e.getValue().size(), e.getKey())));
        System.out.print(report);
        for (String expected : LOADABLE) {
            if (Files.exists(CORPUS.resolve(expected))) {
                assertTrue(loaded.contains(expected), expected + " should load\n" + report);
            }
        }
    }
}
