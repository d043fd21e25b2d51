package dev.strata.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.strata.spec.Loss;
import dev.strata.spec.Reduction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Losses in Keras JSON, against {@code golden/loss_options.json} from Keras 3.15.1: each Keras-serialized loss
 * with non-default options reads as the loss the fluent API builds, and Strata writes back exactly what Keras
 * wrote (plus Huber's {@code delta} and CosineSimilarity's {@code axis}, which Keras 3.15's {@code get_config}
 * drops and its {@code from_config} reads); default options are written as the function name Keras resolves.
 * tf.keras 2 names and configs in {@code training_config}, both dialects' round trips, and every refusal.
 */
class LossJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode fixture() throws IOException {
        try (InputStream in = LossJsonTest.class.getResourceAsStream("/golden/loss_options.json")) {
            return MAPPER.readTree(in);
        }
    }

    /** The losses of {@code json_forms}, in the fixture's order, as the fluent API writes them. */
    private static final List<Loss> FORMS = List.of(
            Loss.meanSquaredError().reduction(Reduction.SUM),
            Loss.meanAbsoluteError().reduction(Reduction.MEAN),
            Loss.meanAbsolutePercentageError().reduction(Reduction.SUM),
            Loss.meanSquaredLogarithmicError().reduction(Reduction.SUM),
            Loss.huber().reduction(Reduction.SUM),
            Loss.logCosh().reduction(Reduction.MEAN_WITH_SAMPLE_WEIGHT),
            Loss.poisson().reduction(Reduction.SUM),
            Loss.klDivergence().reduction(Reduction.SUM),
            Loss.cosineSimilarity().reduction(Reduction.SUM),
            Loss.hinge().reduction(Reduction.SUM),
            Loss.squaredHinge().reduction(Reduction.SUM),
            Loss.categoricalHinge().reduction(Reduction.SUM),
            Loss.binaryCrossentropy().fromLogits(true).labelSmoothing(0.1),
            Loss.categoricalCrossentropy().labelSmoothing(0.2).reduction(Reduction.SUM),
            Loss.sparseCategoricalCrossentropy().fromLogits(true),
            Loss.binaryFocalCrossentropy().applyClassBalancing(true).alpha(0.4).gamma(1.5).fromLogits(true)
                    .labelSmoothing(0.1),
            Loss.binaryFocalCrossentropy().reduction(Reduction.SUM));

    /** Every loss with default options, each written as a function name. */
    private static final List<Loss> DEFAULTS = List.of(Loss.meanSquaredError(), Loss.meanAbsoluteError(),
            Loss.meanAbsolutePercentageError(), Loss.meanSquaredLogarithmicError(), Loss.huber(), Loss.logCosh(),
            Loss.poisson(), Loss.klDivergence(), Loss.cosineSimilarity(), Loss.hinge(), Loss.squaredHinge(),
            Loss.categoricalHinge(), Loss.binaryCrossentropy(), Loss.categoricalCrossentropy(),
            Loss.sparseCategoricalCrossentropy(), Loss.binaryFocalCrossentropy());

    /** A real Keras 3 model JSON (from the fixture) with its compile_config's loss replaced. */
    private static Loss readKeras3(JsonNode loss) throws IOException {
        ObjectNode doc = (ObjectNode) MAPPER.readTree(fixture().get("cases").get(0).get("model_json").asText());
        ((ObjectNode) doc.get("compile_config")).set("loss", loss);
        return ModelJson.read(doc.toString()).trainingConfig().loss();
    }

    /** A Keras 2.3 HDF5 model config (training_config) with its loss replaced. */
    private static Loss readKeras2(JsonNode loss) throws IOException {
        ObjectNode doc = (ObjectNode) MAPPER.readTree(Files.readString(
                Path.of("src/test/resources/json/valid/v14_keras2_training_config_sgd.json")));
        ((ObjectNode) doc.get("training_config")).set("loss", loss);
        return ModelJson.read(doc.toString()).trainingConfig().loss();
    }

    @Test
    void kerasSerializedLossesReadAsTheFluentOnesAndWriteBackAsKerasWroteThem() throws IOException {
        JsonNode forms = fixture().get("json_forms");
        assertEquals(FORMS.size(), forms.size());
        for (int i = 0; i < FORMS.size(); i++) {
            JsonNode keras = forms.get(i).get("serialized");
            Loss expected = FORMS.get(i);
            assertEquals(expected, readKeras3(keras), forms.get(i).get("name").asText());
            ObjectNode want = keras.deepCopy();
            if (expected instanceof Loss.Huber h) {
                ((ObjectNode) want.get("config")).put("delta", h.delta());
            } else if (expected instanceof Loss.CosineSimilarity c) {
                ((ObjectNode) want.get("config")).put("axis", c.axis());
            }
            assertEquals(want, LossJson.write(expected, Dialect.KERAS3), forms.get(i).get("name").asText());
            assertEquals(keras.get("config"), forms.get(i).get("read_back"), "Keras reads its own form back");
        }
    }

    @Test
    void kerasReadsTheArgumentsItsGetConfigLeavesOut() throws IOException {
        for (JsonNode e : fixture().get("extra_keys")) {
            assertEquals(e.get("value"), e.get("keras_reads"), e.toString());
        }
        assertEquals(Loss.huber(2.0), readKeras3(fixture().get("extra_keys").get(0).get("serialized")));
        assertEquals(Loss.cosineSimilarity().axis(1), readKeras3(fixture().get("extra_keys").get(1)
                .get("serialized")));
    }

    @Test
    void defaultOptionsAreWrittenAsTheFunctionNameKerasResolves() throws IOException {
        JsonNode names = fixture().get("names");
        assertEquals(DEFAULTS.size(), names.size());
        for (int i = 0; i < DEFAULTS.size(); i++) {
            Loss loss = DEFAULTS.get(i);
            JsonNode written = LossJson.write(loss, Dialect.KERAS3);
            assertEquals(names.get(i).get("name"), written, loss.toString());
            assertEquals(written.asText(), names.get(i).get("resolves_to").asText(), "Keras 3 resolves the name");
            assertEquals(written, LossJson.write(loss, Dialect.KERAS2));
            assertEquals(loss, readKeras3(written));
            assertEquals(loss, readKeras2(written));
        }
    }

    @Test
    void kerasTwoNamesAndConfigsInTrainingConfig() throws IOException {
        Map<String, Loss> names = Map.ofEntries(Map.entry("huber_loss", Loss.huber()),
                Map.entry("logcosh", Loss.logCosh()), Map.entry("kld", Loss.klDivergence()),
                Map.entry("KLD", Loss.klDivergence()), Map.entry("kullback_leibler_divergence", Loss.klDivergence()),
                Map.entry("poisson", Loss.poisson()), Map.entry("cosine_similarity", Loss.cosineSimilarity()),
                Map.entry("mape", Loss.meanAbsolutePercentageError()), Map.entry("MSLE",
                        Loss.meanSquaredLogarithmicError()), Map.entry("categorical_hinge", Loss.categoricalHinge()),
                Map.entry("squared_hinge", Loss.squaredHinge()), Map.entry("hinge", Loss.hinge()),
                Map.entry("binary_focal_crossentropy", Loss.binaryFocalCrossentropy()));
        for (Map.Entry<String, Loss> e : names.entrySet()) {
            assertEquals(e.getValue(), readKeras2(TextNode.valueOf(e.getKey())), e.getKey());
        }
        // tf.keras 2.x: Loss.get_config is reduction then name, then the function's keyword arguments.
        JsonNode huber = MAPPER.readTree("{\"class_name\": \"Huber\", \"config\": {\"reduction\": \"auto\", "
                + "\"name\": \"huber_loss\", \"delta\": 0.5}}");
        assertEquals(Loss.huber(0.5), readKeras2(huber));
        assertEquals(huber, LossJson.write(Loss.huber(0.5), Dialect.KERAS2));
        JsonNode summed = MAPPER.readTree("{\"class_name\": \"CosineSimilarity\", \"config\": {\"reduction\": "
                + "\"sum\", \"name\": \"cosine_similarity\", \"axis\": -1}}");
        assertEquals(Loss.cosineSimilarity().reduction(Reduction.SUM), readKeras2(summed));
        assertEquals(summed, LossJson.write(Loss.cosineSimilarity().reduction(Reduction.SUM), Dialect.KERAS2));
    }

    @Test
    void everyLossRoundTripsInBothDialects() throws IOException {
        for (Loss loss : FORMS) {
            assertEquals(loss, readKeras3(LossJson.write(loss, Dialect.KERAS3)), loss.toString());
            // tf.keras 2 has no 'mean' reductions; its sum_over_batch_size is the same number.
            Loss keras2 = loss.reduction().sums() ? loss : loss.reduction(Reduction.SUM_OVER_BATCH_SIZE);
            assertEquals(keras2, readKeras2(LossJson.write(loss, Dialect.KERAS2)), loss.toString());
        }
    }

    private static JsonSpecException refused(String lossJson) {
        return assertThrows(JsonSpecException.class, () -> readKeras3(MAPPER.readTree(lossJson)));
    }

    @Test
    void badOptionsAreRefusedWithTheirPath() {
        JsonSpecException none = refused("{\"class_name\": \"MeanSquaredError\", \"config\": {\"reduction\": "
                + "\"none\"}}");
        assertEquals("$.compile_config.loss.config.reduction", none.path());
        assertTrue(none.problem().contains("one loss per example"), none.problem());
        assertEquals("$.compile_config.loss.config.reduction", refused("{\"class_name\": \"Huber\", \"config\": "
                + "{\"reduction\": null}}").path());
        assertTrue(refused("{\"class_name\": \"Poisson\", \"config\": {\"reduction\": \"average\"}}").problem()
                .contains("unknown reduction 'average'"));
        JsonSpecException delta = refused("{\"class_name\": \"Huber\", \"config\": {\"delta\": -1.0}}");
        assertEquals("$.compile_config.loss.config.delta", delta.path());
        assertTrue(delta.problem().contains("positive"), delta.problem());
        assertEquals("$.compile_config.loss.config.gamma", refused("{\"class_name\": \"BinaryFocalCrossentropy\", "
                + "\"config\": {\"gamma\": -2.0}}").path());
        assertEquals("$.compile_config.loss.config.delta", refused("{\"class_name\": \"MeanSquaredError\", "
                + "\"config\": {\"delta\": 1.0}}").path(), "an argument the class does not have");
        assertEquals("$.compile_config.loss.config.axis", refused("{\"class_name\": \"BinaryCrossentropy\", "
                + "\"config\": {\"axis\": 0}}").path());
        assertTrue(refused("\"cosine_proximity\"").problem().contains("mean of the normalized product"));
        assertTrue(refused("\"dice\"").problem().contains("supported: mean_squared_error"));
    }
}
