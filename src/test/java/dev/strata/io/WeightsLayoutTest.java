package dev.strata.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.graph.WeightSet;
import dev.strata.spec.TensorShape;
import dev.strata.train.Dataset;
import dev.strata.train.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.zip.ZipFile;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One archive per weighted layer type, written by real Keras 3.15.1 with seeded random weights
 * ({@code tools/keras-golden/weights_layout.py}): Strata reads each variable into the right weight (a wrong name,
 * order, shape or transpose changes the predictions), predicts what Keras predicts, and writes an archive that
 * reads back to the same weights, with its variables at the paths where Keras's file has them (and so for
 * {@code saveWeights}); the Keras 2 layout {@code .h5} copies of each case load too. The archives it writes are
 * left in target/strata-weights-layout for {@code weights_layout.py --check}, which loads them in Keras (41 of 41
 * within 2.4e-7, Keras 3.15.1).
 */
class WeightsLayoutTest {
    private static final Path DIR = Path.of("src/test/resources/golden/weights_layout");
    private static final Path SAVED = Path.of("target/strata-weights-layout");

    private static JsonNode cases() throws IOException {
        return new ObjectMapper().readTree(DIR.resolve("cases.json").toFile());
    }

    static Stream<String> names() throws IOException {
        List<String> out = new ArrayList<>();
        cases().fieldNames().forEachRemaining(n -> {
            if (!n.equals("meta")) {
                out.add(n);
            }
        });
        return out.stream();
    }

    private static float[] floats(JsonNode t) {
        float[] out = new float[t.get("data").size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) t.get("data").get(i).asDouble();
        }
        return out;
    }

    private static Dataset inputs(JsonNode c) {
        JsonNode xs = c.get("x").get("shape");
        int[] example = new int[xs.size() - 1];
        for (int i = 1; i < xs.size(); i++) {
            example[i - 1] = xs.get(i).asInt();
        }
        return Dataset.of(floats(c.get("x")), TensorShape.of(example), null, null);
    }

    private static void assertClose(float[] want, float[][] got, String what) {
        int width = want.length / got.length;
        for (int i = 0; i < got.length; i++) {
            assertEquals(width, got[i].length, what + " row " + i + " width");
            for (int j = 0; j < width; j++) {
                float w = want[i * width + j];
                assertEquals(w, got[i][j], Math.max(1e-6, 1e-5 * Math.abs(w)), what + " [" + i + "][" + j + "]");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void kerasWeightsLoadPredictAndRoundTrip(String name) throws IOException {
        JsonNode c = cases().get(name);
        Dataset x = inputs(c);
        float[] want = floats(c.get("y"));
        Path saved = Files.createDirectories(SAVED).resolve(name + ".keras");
        float[][] got;
        WeightSet loaded;
        try (Model m = KerasFiles.load(DIR.resolve(name + ".keras"))) {
            assertEquals(c.get("weights").size(), m.weights().entries().size(), name + ": variable count");
            got = m.predict(x, 8);
            assertClose(want, got, name);
            loaded = m.weights();
            KerasFiles.save(m, saved);
            KerasFiles.saveWeights(m, SAVED.resolve(name + ".weights.h5"));
        }
        assertEquals(datasets(DIR.resolve(name + ".keras")), datasets(saved),
                name + ": Strata's archive holds the variables where Keras's does");
        Path weightsOnly = SAVED.resolve(name + ".weights.h5");
        assertEquals(datasets(DIR.resolve(name + ".keras")), datasets(Files.readAllBytes(weightsOnly)),
                name + ": saveWeights writes Keras's save_weights layout");
        try (Model again = KerasFiles.load(saved)) {
            WeightSet back = again.weights();
            assertEquals(loaded.entries().keySet(), back.entries().keySet(), name);
            for (Map.Entry<String, WeightSet.Entry> e : loaded.entries().entrySet()) {
                assertArrayEquals(e.getValue().shape(), back.get(e.getKey()).shape(), name + " " + e.getKey());
                assertArrayEquals(e.getValue().values(), back.get(e.getKey()).values(), name + " " + e.getKey());
            }
            KerasFiles.loadWeights(again, SAVED.resolve(name + ".weights.h5"));
            assertTrue(loaded.sameAs(again.weights()), name + ": loadWeights(saveWeights) gives the same weights");
            float[][] after = again.predict(x, 8);
            for (int i = 0; i < got.length; i++) {
                assertArrayEquals(got[i], after[i], name + " row " + i);
            }
        }
        record(name, c, got);
    }

    /** The same case as a Keras 2 layout full-model .h5 written by Keras's legacy saver. */
    @ParameterizedTest
    @MethodSource("names")
    void legacyH5FromKerasPredictsAsKeras(String name, @TempDir Path dir) throws IOException {
        JsonNode c = cases().get(name);
        Path h5 = dir.resolve(name + ".h5");
        try (ZipFile zip = new ZipFile(DIR.resolve("legacy_h5.zip").toFile())) {
            Files.write(h5, zip.getInputStream(zip.getEntry(name + ".h5")).readAllBytes());
        }
        try (Model m = KerasFiles.load(h5)) {
            assertClose(floats(c.get("y")), m.predict(inputs(c), 8), name + ".h5");
        }
    }

    /**
     * Each dataset of the archive's weights file, by path, with its shape: Keras's loader looks a variable up by
     * exactly this path, so Strata's file must hold the same ones as Keras's.
     */
    private static Map<String, String> datasets(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            return datasets(zip.getInputStream(zip.getEntry("model.weights.h5")).readAllBytes());
        }
    }

    private static Map<String, String> datasets(byte[] weightsH5) {
        Map<String, String> out = new TreeMap<>();
        try (HdfFile h5 = HdfFile.fromBytes(weightsH5)) {
            walk(h5, out);
        }
        return out;
    }

    private static void walk(Group group, Map<String, String> out) {
        for (Node child : group.getChildren().values()) {
            if (child instanceof Group g) {
                walk(g, out);
            } else if (child instanceof io.jhdf.api.Dataset d) {
                out.put(d.getPath(), Arrays.toString(d.getDimensions()));
            }
        }
    }

    /** Strata's predictions beside its archives, for the Keras side of the check. */
    private static synchronized void record(String name, JsonNode c, float[][] got) throws IOException {
        Path file = SAVED.resolve("predictions.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode all = Files.exists(file) ? (ObjectNode) json.readTree(file.toFile()) : json.createObjectNode();
        ObjectNode entry = all.putObject(name);
        entry.set("x", c.get("x"));
        ArrayNode y = entry.putObject("y").putArray("data");
        for (float[] row : got) {
            for (float v : row) {
                y.add(v);
            }
        }
        json.writeValue(file.toFile(), all);
        assertTrue(Files.size(file) > 0);
    }
}
