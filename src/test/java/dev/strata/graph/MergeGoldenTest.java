package dev.strata.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.json.JsonSpecException;
import dev.strata.json.ModelJson;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.TensorShape;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The merge layers against real Keras 3.15.1 ({@code tools/keras-golden/layers/merging.py}): each case's layer,
 * built from the config Keras wrote, must give Keras's output shape, output, output mask and the gradients of
 * {@code sum(y * r)} with respect to every input (ties of Maximum and Minimum included), and agree with central
 * finite differences; each shape case must give Keras's output shape, or be refused where Keras refuses.
 */
class MergeGoldenTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode fixture() {
        try (InputStream in = MergeGoldenTest.class.getResourceAsStream("/golden/layers/merging_multi.json")) {
            assertNotNull(in, "src/test/resources/golden/layers/merging_multi.json");
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode fixtureCase(String name) {
        for (JsonNode c : fixture().get("cases")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no fixture case " + name);
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        fixture().get("cases").forEach(c -> out.add(Arguments.of(c.get("name").asText(), c)));
        return out.stream();
    }

    static Stream<Arguments> shapeCases() {
        List<Arguments> out = new ArrayList<>();
        fixture().get("shape_cases").forEach(c -> out.add(Arguments.of(c.get("name").asText(), c)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void layerMatchesKeras(String name, JsonNode c) {
        checkAgainstKeras(name, MergeProbe.spec(c.get("layer")), c);
    }

    /** Runs {@code layer} on the case's inputs and masks and compares everything Keras recorded. */
    static void checkAgainstKeras(String name, Layer layer, JsonNode c) {
        List<TensorShape> shapes = new ArrayList<>();
        c.get("input_shapes").forEach(s -> shapes.add(exampleShape(s)));
        assertEquals(List.of(exampleShape(c.get("output_shape"))), layer.outputShapes(shapes, name),
                name + ": output shape");
        run(name, layer, c, shapes);
    }

    /** The probe on inputs declared with {@code shapes} (the graph's static knowledge), fed the case's values. */
    static void run(String name, Layer layer, JsonNode c, List<TensorShape> shapes) {
        List<Boolean> masked = new ArrayList<>();
        MergeProbe.Feed feed = feed(c, masked);
        float[] r = floats(c.get("r"));
        long[] rShape = longs(c.get("r").get("shape"));
        try (MergeProbe probe = new MergeProbe(layer, shapes, masked)) {
            assertClose(name + ": output", floats(c.get("y")), probe.output(feed), 1e-5);
            JsonNode mask = c.get("output_mask");
            assertEquals(!mask.isNull(), probe.hasMask(), name + ": has an output mask");
            if (!mask.isNull()) {
                assertArrayEquals(booleans(mask), probe.outputMask(feed), name + ": output mask");
            }
            List<float[]> grads = probe.gradients(feed, r, rShape);
            for (int i = 0; i < shapes.size(); i++) {
                assertClose(name + ": gradient of input " + i, floats(c.get("grads").get(i)), grads.get(i), 1e-4);
            }
            if (c.get("fd").asBoolean()) {
                finiteDifferences(name, probe, feed, r, rShape, grads);
            }
        }
    }

    /** Central differences on the first, middle and last entry of every input. */
    private static void finiteDifferences(String name, MergeProbe probe, MergeProbe.Feed feed, float[] r,
                                          long[] rShape, List<float[]> grads) {
        float h = 1e-2f;
        for (int i = 0; i < feed.inputs().size(); i++) {
            float[] x = feed.inputs().get(i).values();
            for (int k : new int[] {0, x.length / 2, x.length - 1}) {
                float old = x[k];
                x[k] = old + h;
                double up = probe.probe(feed, r, rShape);
                x[k] = old - h;
                double down = probe.probe(feed, r, rShape);
                x[k] = old;
                double numeric = (up - down) / (2 * h);
                double analytic = grads.get(i)[k];
                assertTrue(Math.abs(numeric - analytic) <= 1e-2 * Math.max(1, Math.abs(analytic)), String.format(
                        Locale.ROOT, "%s: d/d input %d [%d]: finite difference %.6f, gradient %.6f", name, i, k,
                        numeric, analytic));
            }
        }
    }

    @Test
    void dimensionsUnknownToTheGraphAreReadAtRunTime() {
        TensorShape[][] declared = {
            {TensorShape.of(-1, -1, 4), TensorShape.of(4, -1, -1)},
            {TensorShape.of(3, -1), TensorShape.of(-1, 3)},
            {TensorShape.of(4), TensorShape.of(4, -1)},
            {TensorShape.of(-1, 2), TensorShape.of(-1, 2)},
            {TensorShape.of(-1, 4), TensorShape.of(-1, 4)},
            {TensorShape.of(-1, 4), TensorShape.of(4), TensorShape.of(1, 4)},
        };
        String[] names = {"dot_rank4_normalize", "dot_pair_rank3", "dot_rank2_rank3", "concatenate_masked_axis1",
            "multiply_masked", "add_3_broadcast"};
        for (int i = 0; i < names.length; i++) {
            JsonNode c = fixtureCase(names[i]);
            run(names[i] + " with unknown dimensions", MergeProbe.spec(c.get("layer")), c, List.of(declared[i]));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapeCases")
    void shapeRulesMatchKeras(String name, JsonNode c) {
        Layer layer = MergeProbe.spec(c.get("layer"));
        List<TensorShape> shapes = new ArrayList<>();
        c.get("input_shapes").forEach(s -> shapes.add(exampleShape(s)));
        if (c.has("error")) {
            InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> layer.outputShapes(shapes,
                    name), name + ": Keras refuses: " + c.get("error").asText());
            assertTrue(e.getMessage().contains(name) && e.getMessage().contains(shapes.get(0).toString()),
                    "the refusal names the layer and the shapes: " + e.getMessage());
        } else {
            assertEquals(List.of(exampleShape(c.get("output_shape"))), layer.outputShapes(shapes, name), name);
        }
    }

    @Test
    void aMergeLayerIsNeverCalledOnOneTensor() {
        for (JsonNode c : fixture().get("cases")) {
            Layer layer = MergeProbe.spec(c.get("layer"));
            TensorShape shape = exampleShape(c.get("input_shapes").get(0));
            InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> layer.outputShape(shape, "m"));
            assertTrue(e.getMessage().contains("must be called on a list"), e.getMessage());
        }
    }

    @Test
    void theJsonReaderReadsEachConfigAndRefusesTheLayerInASequentialModel() {
        for (JsonNode c : fixture().get("cases")) {
            String json = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": ["
                    + "{\"class_name\": \"InputLayer\", \"config\": {\"batch_shape\": [null, 3, 4]}}, " + c.get("layer")
                    + "]}}";
            JsonSpecException e = assertThrows(JsonSpecException.class, () -> ModelJson.read(json));
            assertTrue(e.getMessage().contains("merges several input tensors and must be called on a list"),
                    c.get("name") + ": the config is read, the single input refused: " + e.getMessage());
            assertEquals("$.config.layers[1].inbound_nodes", e.path(), e.getMessage());
        }
    }

    @Test
    void refusalsNameTheArgument() {
        InvalidSpecException dot = assertThrows(InvalidSpecException.class, () -> MergeProbe.spec(json(
                "{\"class_name\": \"Dot\", \"config\": {\"name\": \"d\", \"axes\": [0, 1]}}")));
        assertTrue(dot.getMessage().contains("axes cannot contract the batch axis 0"), dot.getMessage());
        InvalidSpecException batch = assertThrows(InvalidSpecException.class, () -> MergeProbe.spec(json(
                "{\"class_name\": \"Concatenate\", \"config\": {\"name\": \"c\", \"axis\": 0}}")));
        assertTrue(batch.getMessage().contains("axis names the batch axis"), batch.getMessage());
        InvalidSpecException three = assertThrows(InvalidSpecException.class, () -> MergeProbe.spec(json(
                "{\"class_name\": \"Dot\", \"config\": {\"name\": \"d\", \"axes\": [1, 1, 1]}}")));
        assertTrue(three.getMessage().contains("axes must be an integer or a pair"), three.getMessage());
        InvalidSpecException range = assertThrows(InvalidSpecException.class, () -> dev.strata.spec.layers.Dot
                .axes(3).outputShapes(List.of(TensorShape.of(2), TensorShape.of(2)), "d"));
        assertTrue(range.getMessage().contains("axes is out of range"), range.getMessage());
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MergeProbe.Feed feed(JsonNode c, List<Boolean> masked) {
        List<MergeProbe.Values> inputs = new ArrayList<>();
        List<boolean[]> maskValues = new ArrayList<>();
        List<long[]> maskShapes = new ArrayList<>();
        for (int i = 0; i < c.get("inputs").size(); i++) {
            JsonNode x = c.get("inputs").get(i);
            inputs.add(new MergeProbe.Values(floats(x), longs(x.get("shape"))));
            JsonNode m = c.path("masks").isArray() ? c.get("masks").get(i) : null;
            boolean has = m != null && !m.isNull();
            masked.add(has);
            maskValues.add(has ? booleans(m) : null);
            maskShapes.add(has ? longs(m.get("shape")) : null);
        }
        return new MergeProbe.Feed(inputs, maskValues, maskShapes);
    }

    /** A Keras batch shape (batch first, null for unknown) as the shape of one example. */
    static TensorShape exampleShape(JsonNode batchShape) {
        int[] dims = new int[batchShape.size() - 1];
        for (int i = 0; i < dims.length; i++) {
            JsonNode d = batchShape.get(i + 1);
            dims[i] = d.isNull() ? TensorShape.UNKNOWN : d.asInt();
        }
        return TensorShape.of(dims);
    }

    static float[] floats(JsonNode tensor) {
        JsonNode data = tensor.get("data");
        float[] out = new float[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) data.get(i).asDouble();
        }
        return out;
    }

    static boolean[] booleans(JsonNode tensor) {
        JsonNode data = tensor.get("data");
        boolean[] out = new boolean[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = data.get(i).asBoolean();
        }
        return out;
    }

    static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    static void assertClose(String what, float[] expected, float[] actual, double tolerance) {
        assertEquals(expected.length, actual.length, what + ": size");
        for (int i = 0; i < expected.length; i++) {
            double scale = Math.max(1, Math.abs(expected[i]));
            assertTrue(Math.abs(expected[i] - actual[i]) <= tolerance * scale, String.format(Locale.ROOT,
                    "%s [%d]: Keras %.8f, Strata %.8f", what, i, expected[i], actual[i]));
        }
    }
}
