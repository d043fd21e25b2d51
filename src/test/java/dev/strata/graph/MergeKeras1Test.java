package dev.strata.graph;

import static dev.strata.graph.MergeGoldenTest.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.json.JsonSpecException;
import dev.strata.json.ModelJson;
import dev.strata.spec.IntTuple;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.TensorShape;
import dev.strata.spec.layers.Merge;
import dev.strata.spec.layers.MergeMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keras 1's {@code Merge}: real configs from the shared corpus, each mode computing exactly what its Keras 3 layer
 * computes (checked on that layer's Keras fixture, gradients included), hand-computed values, Keras 1's stricter
 * shape checks, and the refusal of Python functions, Sequential merges of models and masks.
 */
class MergeKeras1Test {
    private static final Path CORPUS = Path.of("../shared/keras-corpus");

    private static List<JsonNode> corpusMerges(String file) throws IOException {
        Path path = CORPUS.resolve(file);
        assertTrue(Files.isRegularFile(path), "the shared Keras corpus must be at " + CORPUS.toAbsolutePath());
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode layer : new ObjectMapper().readTree(path.toFile()).get("config").get("layers")) {
            if (layer.get("class_name").asText().equals("Merge")) {
                out.add(layer);
            }
        }
        return out;
    }

    private static Merge merge(String config) {
        return (Merge) MergeProbe.spec(json("{\"class_name\": \"Merge\", \"config\": " + config + "}"));
    }

    private static List<TensorShape> shapes(TensorShape... shapes) {
        return List.of(shapes);
    }

    @Test
    void corpusMergeConfigsAreRead() throws IOException {
        List<JsonNode> keras1 = corpusMerges("dl4j-test-resources_keras1_functional-merge_2in-2out_W_regularizer.json");
        assertEquals(1, keras1.size());
        Merge m = (Merge) MergeProbe.spec(keras1.get(0));
        assertEquals(new Merge("merge_1", MergeMode.CONCAT, -1, IntTuple.of(-1)), m);
        assertEquals(List.of(TensorShape.of(7)), m.outputShapes(shapes(TensorShape.of(3), TensorShape.of(4)), "m"));

        List<JsonNode> retina = corpusMerges("dl4j-test-resources_keras105_retina-unet_permute-merge.json");
        assertEquals(2, retina.size());
        Merge r = (Merge) MergeProbe.spec(retina.get(0));
        assertEquals(new Merge("merge_1", MergeMode.CONCAT, 1, IntTuple.of(-1, -1)), r);
        assertEquals(List.of(TensorShape.of(96, 24, 24)), r.outputShapes(shapes(TensorShape.of(64, 24, 24),
                TensorShape.of(32, 24, 24)), "m"));

        List<JsonNode> keras2 = corpusMerges("dl4j-test-resources_keras2_embedding-flatten-graph_11-inputs.json");
        Merge eleven = (Merge) MergeProbe.spec(keras2.get(0));
        List<TensorShape> inputs = new ArrayList<>(Collections.nCopies(11, TensorShape.of(5)));
        inputs.set(0, TensorShape.of(1));
        assertEquals(List.of(TensorShape.of(51)), eleven.outputShapes(inputs, "m"));
    }

    /** In their functional models, the corpus merges join the tensors Keras 1 joined, in the same order. */
    @Test
    void theCorpusMergesReadInTheirModels() throws IOException {
        dev.strata.spec.Functional retina = (dev.strata.spec.Functional) ModelJson.read(CORPUS.resolve(
                "dl4j-test-resources_keras105_retina-unet_permute-merge.json")).spec();
        dev.strata.spec.FunctionalNode merge = retina.nodes().stream().filter(n -> n.layer().name().equals("merge_1"))
                .findFirst().orElseThrow();
        assertEquals(List.of(List.of(dev.strata.spec.TensorRef.of("upsampling2d_1"),
                dev.strata.spec.TensorRef.of("convolution2d_4"))), merge.calls());
        dev.strata.spec.LayerSummary row = retina.summary().layers().stream()
                .filter(l -> l.layer().name().equals("merge_1")).findFirst().orElseThrow();
        assertEquals(List.of(TensorShape.of(192, 24, 24)), row.outputShapes());
    }

    /** Each mode on the inputs of its Keras 3 layer's fixture case gives that case's outputs and gradients. */
    @Test
    void eachModeComputesItsKeras3Layer() {
        String[][] pairs = {
            {"{\"name\": \"m\", \"mode\": \"sum\"}", "add_2"},
            {"{\"name\": \"m\", \"mode\": \"mul\"}", "multiply_3"},
            {"{\"name\": \"m\", \"mode\": \"ave\"}", "average_3"},
            {"{\"name\": \"m\", \"mode\": \"max\"}", "maximum_ties"},
            {"{\"name\": \"m\", \"mode\": \"max\"}", "maximum_3_ties"},
            {"{\"name\": \"m\", \"mode\": \"concat\", \"concat_axis\": 1}", "concatenate_axis1"},
            {"{\"name\": \"m\", \"mode\": \"concat\"}", "concatenate_last"},
            {"{\"name\": \"m\", \"mode\": \"dot\", \"dot_axes\": [1, 2]}", "dot_pair_rank3"},
            {"{\"name\": \"m\", \"mode\": \"dot\", \"dot_axes\": -1}", "dot_int_rank2"},
            {"{\"name\": \"m\", \"mode\": \"cos\", \"dot_axes\": 1, \"mode_type\": \"raw\"}", "dot_normalize_rank2"},
        };
        for (String[] p : pairs) {
            MergeGoldenTest.checkAgainstKeras("Merge " + p[0] + " as " + p[1], merge(p[0]),
                    MergeGoldenTest.fixtureCase(p[1]));
        }
    }

    @Test
    void handComputedValues() {
        float[] a = {1, 2};
        float[] b = {3, 5};
        assertOutput("{\"name\": \"m\"}", a, b, 4, 7);
        assertOutput("{\"name\": \"m\", \"mode\": \"mul\"}", a, b, 3, 10);
        assertOutput("{\"name\": \"m\", \"mode\": \"ave\"}", a, b, 2, 3.5f);
        assertOutput("{\"name\": \"m\", \"mode\": \"max\"}", a, b, 3, 5);
        assertOutput("{\"name\": \"m\", \"mode\": \"concat\"}", a, b, 1, 2, 3, 5);
        assertOutput("{\"name\": \"m\", \"mode\": \"dot\", \"dot_axes\": [1, 1]}", a, b, 13);
        assertOutput("{\"name\": \"m\", \"mode\": \"cos\", \"dot_axes\": -1}", a, b, (float) (13 / Math.sqrt(170)));
        assertOutput("{\"name\": \"m\", \"mode\": \"cos\", \"dot_axes\": -1}", new float[] {3, 4},
                new float[] {4, 3}, 0.96f);
        assertOutput("{\"name\": \"m\", \"mode\": \"cos\", \"dot_axes\": -1}", new float[] {0, 0},
                new float[] {4, 3}, 0);
    }

    private static void assertOutput(String config, float[] a, float[] b, float... expected) {
        Merge m = merge(config);
        List<TensorShape> in = shapes(TensorShape.of(a.length), TensorShape.of(b.length));
        MergeProbe.Feed feed = new MergeProbe.Feed(List.of(new MergeProbe.Values(a, new long[] {1, a.length}),
                new MergeProbe.Values(b, new long[] {1, b.length})), List.of(), List.of());
        try (MergeProbe probe = new MergeProbe(m, in, List.of(false, false))) {
            assertArrayEquals(expected, probe.output(feed), 1e-6f, config);
        }
    }

    @Test
    void keras1ShapeChecksAreStricterThanKeras3s() {
        InvalidSpecException broadcast = assertThrows(InvalidSpecException.class, () -> merge("{\"name\": \"m\"}")
                .outputShapes(shapes(TensorShape.of(3), TensorShape.of(2, 3)), "m"));
        assertTrue(broadcast.getMessage().contains("needs inputs of one shape"), broadcast.getMessage());
        InvalidSpecException unknown = assertThrows(InvalidSpecException.class, () -> merge(
                "{\"name\": \"m\", \"mode\": \"concat\"}").outputShapes(shapes(TensorShape.of(-1, 3),
                TensorShape.of(4, 2)), "m"));
        assertTrue(unknown.getMessage().contains("match except along the concatenation axis"), unknown.getMessage());
        InvalidSpecException one = assertThrows(InvalidSpecException.class, () -> merge("{\"name\": \"m\"}")
                .outputShapes(shapes(TensorShape.of(3)), "m"));
        assertTrue(one.getMessage().contains("at least 2 input tensors"), one.getMessage());
        InvalidSpecException cos3 = assertThrows(InvalidSpecException.class, () -> merge(
                "{\"name\": \"m\", \"mode\": \"cos\", \"dot_axes\": 2}").outputShapes(shapes(TensorShape.of(3, 4),
                TensorShape.of(3, 4)), "m"));
        assertTrue(cos3.getMessage().contains("only for inputs (batch, features)"), cos3.getMessage());
        InvalidSpecException three = assertThrows(InvalidSpecException.class, () -> merge(
                "{\"name\": \"m\", \"mode\": \"dot\"}").outputShapes(shapes(TensorShape.of(3), TensorShape.of(3),
                TensorShape.of(3)), "m"));
        assertTrue(three.getMessage().contains("exactly 2 input tensors"), three.getMessage());
        assertEquals(List.of(TensorShape.of(3, 5)), merge("{\"name\": \"m\", \"mode\": \"dot\", \"dot_axes\": 2}")
                .outputShapes(shapes(TensorShape.of(3, 4), TensorShape.of(5, 4)), "m"));
        assertEquals(List.of(TensorShape.of(-1, 3)), merge("{\"name\": \"m\", \"mode\": \"max\"}")
                .outputShapes(shapes(TensorShape.of(-1, 3), TensorShape.of(-1, 3), TensorShape.of(-1, 3)), "m"));
    }

    /** Read through Strata's JSON reader: the config is refused before any shape is computed. */
    private static JsonSpecException refusedByTheReader(String config) {
        String model = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": ["
                + "{\"class_name\": \"InputLayer\", \"config\": {\"batch_shape\": [null, 3]}}, "
                + "{\"class_name\": \"Merge\", \"config\": " + config + "}]}}";
        JsonSpecException e = assertThrows(JsonSpecException.class, () -> ModelJson.read(model));
        assertFalse(e.getMessage().contains("must be called on a list"), "refused at its config: " + e.getMessage());
        return e;
    }

    @Test
    void pythonFunctionsAndSequentialMergesAreRefused() {
        // Keras 1.2's func_dump of a lambda mode: (marshalled code, defaults, closure).
        JsonSpecException lambda = refusedByTheReader("{\"name\": \"m\", \"mode\": [\"4wEAAAAAAAAAAQAAAAIAAABD\", "
                + "null, null], \"mode_type\": \"lambda\"}");
        assertTrue(lambda.getMessage().contains("$.config.layers[1].config.mode"), lambda.getMessage());
        // Keras 1.0's marshalled lambda, and a named Python function.
        JsonSpecException marshalled = refusedByTheReader("{\"name\": \"m\", \"mode\": \"\\u00e3\\u0001\\u0000\", "
                + "\"mode_type\": \"lambda\"}");
        assertTrue(marshalled.getMessage().contains("mode must be one of 'sum', 'mul'"), marshalled.getMessage());
        JsonSpecException function = refusedByTheReader("{\"name\": \"m\", \"mode\": \"sum\", "
                + "\"mode_type\": \"function\"}");
        assertTrue(function.getMessage().contains("Strata never runs code from a model file"), function.getMessage());
        JsonSpecException shape = refusedByTheReader("{\"name\": \"m\", \"mode\": \"sum\", \"mode_type\": \"raw\", "
                + "\"output_shape\": [\"4wEAAAAA\", null, null], \"output_shape_type\": \"lambda\"}");
        assertTrue(shape.getMessage().contains("output_shape_type is not supported (a Python function"),
                shape.getMessage());
        JsonSpecException mask = refusedByTheReader("{\"name\": \"m\", \"mode\": \"sum\", "
                + "\"output_mask\": \"f\", \"output_mask_type\": \"function\"}");
        assertTrue(mask.getMessage().contains("output_mask_type"), mask.getMessage());
        JsonSpecException models = refusedByTheReader("{\"name\": \"m\", \"mode\": \"concat\", \"layers\": "
                + "[{\"class_name\": \"Sequential\", \"config\": []}]}");
        assertTrue(models.getMessage().contains("Merge of whole models"), models.getMessage());
        JsonSpecException unknown = refusedByTheReader("{\"name\": \"m\", \"mode\": \"sum\", \"node_indices\": [0]}");
        assertTrue(unknown.getMessage().contains("node_indices"), unknown.getMessage());
    }

    @Test
    void masksAreRefusedButWhereKeras1AndKeras3DropThem() {
        Merge sum = merge("{\"name\": \"m\"}");
        List<TensorShape> in = shapes(TensorShape.of(3, 2), TensorShape.of(3, 2));
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> new MergeProbe(sum, in, List.of(true, false)).close());
        assertTrue(e.getMessage().contains("masked inputs are refused"), e.getMessage());
        try (MergeProbe dot = new MergeProbe(merge("{\"name\": \"m\", \"mode\": \"dot\", \"dot_axes\": 2}"), in,
                List.of(true, true))) {
            assertFalse(dot.hasMask());
        }
    }

    @Test
    void fluentSpecsEqualReadOnes() {
        assertEquals(merge("{\"name\": \"m\", \"mode\": \"dot\", \"dot_axes\": [1, 2]}"),
                Merge.mode(MergeMode.DOT).dotAxes(1, 2).name("m"));
        Layer read = merge("{\"name\": \"m\", \"mode\": \"concat\", \"concat_axis\": 1}");
        assertEquals(Merge.mode(MergeMode.CONCAT).concatAxis(1).name("m"), read);
    }
}
