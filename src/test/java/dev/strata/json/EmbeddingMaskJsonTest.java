package dev.strata.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.LayerSummary;
import dev.strata.spec.layers.Embedding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Keras 3.15.1's functional config for {@code Embedding(mask_zero=True) -> LSTM -> Dense} (written by
 * {@code tools/keras-golden/weights_layout.py}, case embedding_mask_lstm) records the embedding's mask as a
 * {@code NotEqual(tokens, 0)} op layer passed as {@code mask=} to the LSTM. Strata reads it as the embedding's own
 * mask, which it propagates; a {@code NotEqual} that is not that mask is still refused. (WeightsLayoutTest checks
 * the predictions, padded steps included, against Keras's.)
 */
class EmbeddingMaskJsonTest {
    private static String config() throws IOException {
        try (ZipFile zip = new ZipFile(Path.of("src/test/resources/golden/weights_layout/embedding_mask_lstm.keras")
                .toFile())) {
            return new String(zip.getInputStream(zip.getEntry("config.json")).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theEmbeddingsMaskOpIsReadAsItsMask() throws IOException {
        String json = config();
        assertTrue(json.contains("\"class_name\": \"NotEqual\""), "the fixture records the mask op");
        List<LayerSummary> layers = ModelJson.read(json).spec().summary().layers();
        assertEquals(List.of("Embedding", "LSTM", "Dense"), layers.stream().map(l -> l.layer().kerasClassName())
                .toList());
        assertTrue(((Embedding) layers.get(0).layer()).maskZero());
    }

    @Test
    void aNotEqualThatIsNotAnEmbeddingMaskIsStillRefused() throws IOException {
        String json = config();
        // NotEqual(tokens, 1) is not the mask mask_zero computes.
        String other = json.replaceFirst("(\"class_name\": \"NotEqual\".*?\"keras_history\": "
                + "\\[\"input_layer[_0-9]*\", 0, 0\\]\\}\\}, )0", "$11");
        assertTrue(!other.equals(json), "the edit applies");
        JsonSpecException e = assertThrows(JsonSpecException.class, () -> ModelJson.read(other));
        assertTrue(e.getMessage().contains("NotEqual"), e.getMessage());
        // Without mask_zero the embedding has no mask for the op to be.
        JsonSpecException e2 = assertThrows(JsonSpecException.class,
                () -> ModelJson.read(json.replace("\"mask_zero\": true", "\"mask_zero\": false")));
        assertTrue(e2.getMessage().contains("NotEqual"), e2.getMessage());
    }
}
