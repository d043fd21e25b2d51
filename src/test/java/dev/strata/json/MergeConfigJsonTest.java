package dev.strata.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.IntTuple;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerRegistry;
import dev.strata.spec.LayerType;
import dev.strata.spec.layers.Concatenate;
import dev.strata.spec.layers.Dot;
import dev.strata.spec.layers.Merge;
import dev.strata.spec.layers.MergeMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The merge layers through the reader's own layer codec: today the model readers refuse a layer with several
 * inbound tensors before a merge layer's config could come back, so this reads and writes the config alone. Every
 * config Keras 3 wrote for the fixtures is read, written back exactly as Keras wrote it, and survives both
 * dialects; the corpus's Keras 1 Merge configs survive too.
 */
class MergeConfigJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Layer read(JsonNode entry) {
        String text = entry.toString();
        ReaderLimits limits = ReaderLimits.defaults();
        ReadContext ctx = new ReadContext(new JsonParsing(limits), text, "test", limits);
        LayerType<?> type = LayerRegistry.forKerasName(entry.get("class_name").asText());
        Fields config = Fields.of(ctx, entry.get("config"), JsonPath.ROOT.key("config"), "config");
        return LayerConfigJson.read(type, config);
    }

    private static Layer roundTrip(Layer layer, Dialect dialect) {
        ObjectNode entry = MAPPER.createObjectNode().put("class_name", layer.kerasClassName());
        entry.set("config", LayerConfigJson.write(layer, dialect));
        return read(entry);
    }

    private static List<JsonNode> fixtureLayers() throws IOException {
        try (InputStream in = getResource("/golden/layers/merging_multi.json")) {
            JsonNode doc = MAPPER.readTree(in);
            List<JsonNode> out = new ArrayList<>();
            doc.get("cases").forEach(c -> out.add(c.get("layer")));
            doc.get("shape_cases").forEach(c -> out.add(c.get("layer")));
            return out;
        }
    }

    private static InputStream getResource(String name) {
        return MergeConfigJsonTest.class.getResourceAsStream(name);
    }

    @Test
    void kerasConfigsAreReadAndWrittenBackAsKerasWroteThem() throws IOException {
        for (JsonNode entry : fixtureLayers()) {
            Layer layer = read(entry);
            assertEquals(entry.get("config"), LayerConfigJson.write(layer, Dialect.KERAS3), entry.toString());
            for (Dialect d : Dialect.values()) {
                assertEquals(layer, roundTrip(layer, d), d + ": " + entry);
            }
        }
    }

    @Test
    void specsReadFromKerasEqualTheFluentOnes() throws IOException {
        for (JsonNode entry : fixtureLayers()) {
            Layer layer = read(entry);
            JsonNode c = entry.get("config");
            String name = c.get("name").asText();
            if (layer instanceof Dot d) {
                JsonNode axes = c.get("axes");
                Dot fluent = axes.isArray() ? Dot.axes(axes.get(0).asInt(), axes.get(1).asInt())
                        : Dot.axes(axes.asInt());
                assertEquals(fluent.normalize(c.get("normalize").asBoolean()).name(name), d);
            } else if (layer instanceof Concatenate k) {
                assertEquals(Concatenate.create().axis(c.get("axis").asInt()).name(name), k);
            } else {
                assertEquals(layer.type().defaults().withName(name), layer);
            }
        }
    }

    @Test
    void corpusMergeConfigsSurviveBothDialects() throws IOException {
        Path file = Path.of("../shared/keras-corpus/dl4j-test-resources_keras2_embedding-flatten-graph_11-inputs.json");
        assertTrue(file.toFile().isFile(), "the shared Keras corpus must be at " + file.toAbsolutePath());
        int merges = 0;
        for (JsonNode entry : MAPPER.readTree(file.toFile()).get("config").get("layers")) {
            if (entry.get("class_name").asText().equals("Merge")) {
                Merge m = (Merge) read(entry);
                assertEquals(new Merge(entry.get("name").asText(), MergeMode.CONCAT, 1, IntTuple.of(-1)), m);
                for (Dialect d : Dialect.values()) {
                    assertEquals(m, roundTrip(m, d), d.toString());
                    assertEquals("raw", LayerConfigJson.write(m, d).get("mode_type").asText(),
                            "Keras 2's legacy Merge.from_config needs mode_type");
                }
                merges++;
            }
        }
        assertEquals(2, merges);
    }
}
