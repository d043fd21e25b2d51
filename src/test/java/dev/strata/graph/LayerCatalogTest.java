package dev.strata.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.spec.ConfigField;
import dev.strata.spec.LayerRegistry;
import dev.strata.spec.LayerType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalog is complete: every layer spec in the source tree is registered, every registered type has a graph
 * kernel, at least one golden case from real Keras, a row in README's layer table, and field declarations that
 * cover its record (checked when the type is defined, so merely loading each type proves it).
 */
class LayerCatalogTest {
    private static final Path SPEC_LAYERS = Path.of("src/main/java/dev/strata/spec/layers");

    @Test
    void everyRegisteredTypeHasAKernel() {
        List<String> missing = new ArrayList<>();
        for (LayerType<?> t : LayerRegistry.all()) {
            if (!Kernels.has(t.specClass())) {
                missing.add(t.kerasClassName());
            }
        }
        assertEquals(List.of(), missing, "layer types without a kernel in dev.strata.graph.kernels");
    }

    @Test
    void everyLayerSpecInTheSourceTreeIsRegistered() throws IOException {
        Set<String> registered = new HashSet<>();
        LayerRegistry.all().forEach(t -> registered.add(t.specClass().getSimpleName()));
        Set<String> declared = new TreeSet<>();
        try (Stream<Path> files = Files.list(SPEC_LAYERS)) {
            for (Path f : files.toList()) {
                if (Files.readString(f).contains("LayerType.of(")) {
                    declared.add(f.getFileName().toString().replace(".java", ""));
                }
            }
        }
        assertTrue(declared.size() >= 4, "found " + declared);
        declared.removeAll(registered);
        assertEquals(Set.of(), declared, "layer specs not listed in BuiltinLayers");
    }

    /**
     * Keras 1/2 classes that Keras 3 no longer has, so no fixture can come from it: each is checked mode by mode
     * against the Keras 3 layer it computes ({@code MergeKeras1Test}).
     */
    private static final Set<String> WITHOUT_KERAS3_CLASS = Set.of("Merge");

    /** Fixture files of layers with several inputs (their own harness, {@code MergeGoldenTest}). */
    private static final List<String> MULTI_INPUT_FIXTURES = List.of("merging_multi");

    @Test
    void everyRegisteredTypeHasAGoldenCaseFromKeras() {
        Set<String> covered = new HashSet<>();
        List<String> families = new ArrayList<>(LayerGoldenTest.FAMILIES);
        families.addAll(MULTI_INPUT_FIXTURES);
        for (String family : families) {
            JsonNode doc = LayerGoldenTest.load(family);
            assertTrue(doc != null, "fixture " + family + ".json");
            doc.get("cases").forEach(c -> covered.add(c.get("layer").get("class_name").asText()));
        }
        List<String> missing = new ArrayList<>();
        for (LayerType<?> t : LayerRegistry.all()) {
            if (!covered.contains(t.kerasClassName()) && !WITHOUT_KERAS3_CLASS.contains(t.kerasClassName())) {
                missing.add(t.kerasClassName());
            }
        }
        assertEquals(List.of(), missing, "layer types without a case in src/test/resources/golden/layers");
    }

    @Test
    void everyRegisteredTypeIsInTheReadmeLayerTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> missing = new ArrayList<>();
        for (LayerType<?> t : LayerRegistry.all()) {
            if (!readme.contains("| `" + t.kerasClassName() + "`")) {
                missing.add(t.kerasClassName());
            }
        }
        assertEquals(List.of(), missing, "README's layer table rows start with | `ClassName`");
    }

    @Test
    void regularizerSlotsAreNamedAsKerasNamesThem() {
        for (LayerType<?> t : LayerRegistry.all()) {
            for (ConfigField<?> f : t.fields()) {
                if (f.kind() == ConfigField.Kind.REGULARIZER) {
                    assertTrue(f.key().endsWith("_regularizer"), t + ": " + f.key());
                }
            }
        }
    }
}
