package dev.strata.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.spec.TensorShape;
import dev.strata.train.Dataset;
import dev.strata.train.Model;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keras 3 {@code .keras} archives trained and saved by real Keras 3.15.1 ({@code tools/keras-golden/keras_files.py}:
 * an LSTM + bidirectional GRU + BatchNormalization model, a regularized CNN with BatchNormalization and dropout, a
 * Sequential nested in a functional model), as {@code .keras} archives and as Keras 2 layout {@code .h5} files
 * ({@code keras_files_h5.py}), load in Strata and predict what Keras predicted, to 1e-5 relative;
 * damaged archives are refused with the file and the weight named.
 */
class KerasFilesTest {
    private static final Path DIR = Path.of("src/test/resources/golden/keras_files");

    private static JsonNode expected() throws IOException {
        return new ObjectMapper().readTree(DIR.resolve("predictions.json").toFile());
    }

    private static float[] floats(JsonNode t) {
        float[] out = new float[t.get("data").size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) t.get("data").get(i).asDouble();
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn.keras", "cnn.keras", "nested.keras", "rnn.h5", "cnn.h5", "nested.h5"})
    void aModelTrainedAndSavedByKerasPredictsAsKeras(String file) throws IOException {
        String name = file.substring(0, file.indexOf('.'));
        JsonNode c = expected().get(name);
        JsonNode xs = c.get("x").get("shape");
        int[] example = new int[xs.size() - 1];
        for (int i = 1; i < xs.size(); i++) {
            example[i - 1] = xs.get(i).asInt();
        }
        try (Model m = KerasFiles.load(DIR.resolve(file))) {
            float[][] got = m.predict(Dataset.of(floats(c.get("x")), TensorShape.of(example), null, null), 8);
            float[] want = floats(c.get("y"));
            int width = want.length / got.length;
            for (int i = 0; i < got.length; i++) {
                for (int j = 0; j < width; j++) {
                    float w = want[i * width + j];
                    assertEquals(w, got[i][j], 1e-5 * Math.max(1, Math.abs(w)), name + " [" + i + "][" + j + "]");
                }
            }
        }
    }

    @Test
    void damagedArchivesAreRefusedNamingFileAndWeight(@TempDir Path dir) throws IOException {
        Path notZip = Files.writeString(dir.resolve("x.keras"), "not a zip");
        KerasFileException e = assertThrows(KerasFileException.class, () -> KerasFiles.load(notZip));
        assertTrue(e.getMessage().startsWith(notZip + ": not a .keras archive"), e.getMessage());

        Path noWeights = copyWithout(DIR.resolve("cnn.keras"), dir.resolve("noweights.keras"), "model.weights.h5");
        e = assertThrows(KerasFileException.class, () -> KerasFiles.load(noWeights));
        assertEquals(noWeights + ": the archive has no model.weights.h5", e.getMessage());

        // The CNN's config with the nested model's weights: the first layer's variables do not fit.
        Path mixed = dir.resolve("mixed.keras");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(mixed))) {
            copyEntry(DIR.resolve("cnn.keras"), "config.json", out);
            copyEntry(DIR.resolve("nested.keras"), "model.weights.h5", out);
        }
        e = assertThrows(KerasFileException.class, () -> KerasFiles.load(mixed));
        assertTrue(e.getMessage().startsWith(mixed + "!model.weights.h5: has no weights for layer 'conv2d'"),
                e.getMessage());
    }

    private static Path copyWithout(Path from, Path to, String skipped) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.getName().equals(skipped)) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return to;
    }

    private static void copyEntry(Path archive, String name, ZipOutputStream out) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(archive.toFile());
             InputStream in = zip.getInputStream(zip.getEntry(name))) {
            out.putNextEntry(new ZipEntry(name));
            in.transferTo((OutputStream) out);
            out.closeEntry();
        }
    }

    /**
     * Saved by Strata, each archive loads back with the same predictions, and is left in target/strata-keras with
     * them for {@code tools/keras-golden/check_strata_keras.py}, which checks that real Keras loads it and predicts
     * the same (measured: 0.0 difference for all three, Keras 3.15.1).
     */
    @ParameterizedTest
    @ValueSource(strings = {"rnn", "cnn", "nested"})
    void whatStrataSavesLoadsBackAndIsLeftForKeras(String name) throws IOException {
        JsonNode c = expected().get(name);
        JsonNode xs = c.get("x").get("shape");
        int[] example = new int[xs.size() - 1];
        for (int i = 1; i < xs.size(); i++) {
            example[i - 1] = xs.get(i).asInt();
        }
        Dataset x = Dataset.of(floats(c.get("x")), TensorShape.of(example), null, null);
        Path dir = Files.createDirectories(Path.of("target/strata-keras"));
        Path saved = dir.resolve(name + ".keras");
        float[][] before;
        try (Model m = KerasFiles.load(DIR.resolve(name + ".keras"))) {
            before = m.predict(x, 8);
            KerasFiles.save(m, saved);
        }
        try (Model again = KerasFiles.load(saved)) {
            float[][] after = again.predict(x, 8);
            for (int i = 0; i < before.length; i++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(before[i], after[i], name + " row " + i);
            }
            assertEquals(KerasFiles.readConfig(DIR.resolve(name + ".keras")).spec(), again.spec());
        }
        synchronized (KerasFilesTest.class) {
            Path file = dir.resolve("predictions.json");
            com.fasterxml.jackson.databind.node.ObjectNode all = Files.exists(file)
                    ? (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(file.toFile())
                    : new ObjectMapper().createObjectNode();
            com.fasterxml.jackson.databind.node.ObjectNode entry = all.putObject(name);
            entry.set("x", c.get("x"));
            com.fasterxml.jackson.databind.node.ArrayNode y = entry.putObject("y").putArray("data");
            for (float[] row : before) {
                for (float v : row) {
                    y.add(v);
                }
            }
            new ObjectMapper().writeValue(file.toFile(), all);
        }
    }

    /** Weights alone, as Keras 3's {@code save_weights} and Keras 2's weight files hold them, and as Strata writes. */
    @ParameterizedTest
    @ValueSource(strings = {"cnn.weights.h5", "cnn_keras2_weights.h5"})
    void weightFilesLoadIntoTheSameModel(String file, @TempDir Path dir) throws IOException {
        JsonNode c = expected().get("cnn");
        Dataset x = Dataset.of(floats(c.get("x")), TensorShape.of(8, 8, 1), null, null);
        float[] want = floats(c.get("y"));
        try (Model m = Model.compile(KerasFiles.readConfig(DIR.resolve("cnn.keras")).spec(),
                dev.strata.spec.TrainingConfig.of(dev.strata.spec.Optimizer.sgd(),
                        dev.strata.spec.Loss.meanSquaredError()))) {
            KerasFiles.loadWeights(m, DIR.resolve(file));
            float[][] got = m.predict(x, 8);
            for (int i = 0; i < got.length; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(want[i * 3 + j], got[i][j], 1e-5, file + " [" + i + "][" + j + "]");
                }
            }
            Path saved = dir.resolve("again.weights.h5");
            KerasFiles.saveWeights(m, saved);
            KerasFiles.loadWeights(m, saved);
            float[][] again = m.predict(x, 8);
            for (int i = 0; i < got.length; i++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(got[i], again[i]);
            }
        }
    }
}
