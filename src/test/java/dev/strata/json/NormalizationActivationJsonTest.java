package dev.strata.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.Activation;
import dev.strata.spec.Initializer;
import dev.strata.spec.IntTuple;
import dev.strata.spec.LayerSummary;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.Sequential;
import dev.strata.spec.SpecException;
import dev.strata.spec.WeightSpec;
import dev.strata.spec.layers.ActivationLayer;
import dev.strata.spec.layers.BatchNormalization;
import dev.strata.spec.layers.LeakyReLU;
import dev.strata.spec.layers.PReLU;
import dev.strata.spec.layers.ReLU;
import dev.strata.spec.layers.ThresholdedReLU;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keras 1 and 2 spellings of the normalization and activation layers, from the shared corpus where it has them
 * and inline otherwise, and the activation names Strata refuses.
 */
class NormalizationActivationJsonTest {

    private static ModelSpec corpus(String file) throws IOException {
        Path p = KerasCorpusTest.CORPUS.resolve(file);
        assertTrue(Files.exists(p), "the shared Keras corpus must be next to the project: " + p.toAbsolutePath());
        return ModelJson.read(p).spec();
    }

    /** One layer after an input of the given shape, read as Keras 2 writes a Sequential model. */
    private static Sequential one(String inputShape, String className, String config) {
        String json = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"m\", \"layers\": ["
                + "{\"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": [null, " + inputShape + "]}},"
                + "{\"class_name\": \"" + className + "\", \"config\": " + config + "}]}}";
        return (Sequential) ModelJson.read(json).spec();
    }

    /** The first layer of the given class in a corpus model, Sequential or functional. */
    private static <L> L first(String file, Class<L> type) throws IOException {
        return corpus(file).summary().layers().stream().map(LayerSummary::layer).filter(type::isInstance)
                .map(type::cast).findFirst().orElseThrow();
    }

    private static JsonSpecException refused(String inputShape, String className, String config) {
        return assertThrows(JsonSpecException.class, () -> one(inputShape, className, config));
    }

    @Test
    void keras1BatchNormalizationAndLeakyReluAlphaLoad() throws IOException {
        Sequential s = (Sequential) corpus("dl4j-test-resources_keras1_mlp-batchnorm-leakyrelu_W_regularizer.json");
        LeakyReLU leaky = (LeakyReLU) s.layer("leakyrelu_1");
        assertEquals(0.3, leaky.negativeSlope());
        BatchNormalization bn = (BatchNormalization) s.layer("batchnormalization_1");
        assertEquals(BatchNormalization.create().name("batchnormalization_1"), bn);
        LayerSummary row = s.summary().layers().stream().filter(r -> r.layer() == bn).findFirst().orElseThrow();
        assertEquals(List.of("gamma", "beta", "moving_mean", "moving_variance"),
                row.weights().stream().map(WeightSpec::name).toList());
        assertEquals(6, row.weights().stream().filter(w -> !w.trainable()).mapToLong(WeightSpec::size).sum());
    }

    @Test
    void keras2OneEntryAxisListAndOtherDefaultsLoad() throws IOException {
        Sequential tfjs = (Sequential) corpus("tfjs-layers-test_dense-batchnorm-sequential.json");
        BatchNormalization bn = (BatchNormalization) tfjs.layer("batch_normalization");
        assertEquals(IntTuple.of(1), bn.axis());
        assertEquals(4, tfjs.summary().layers().get(1).weights().size());

        BatchNormalization hls = first("hls4ml-example-models_KERAS_3layer_batch_norm_l1.json",
                BatchNormalization.class);
        assertEquals(0.9, hls.momentum());
        assertEquals(1e-6, hls.epsilon());

        PReLU prelu = first("dl4j-test-resources_keras2_prelu.json", PReLU.class);
        assertEquals(IntTuple.of(1), prelu.sharedAxes());

        ReLU relu = first("tfjs-layers-test_relu-ndarray-scalar.json", ReLU.class);
        assertEquals(6.0, relu.maxValue());
        assertEquals(Activation.RELU6, relu.appliedActivation());
    }

    @Test
    void keras1InitializerKeysAndModeZeroRead() {
        Sequential s = one("3", "BatchNormalization", "{\"name\": \"bn\", \"mode\": 0, \"axis\": -1, \"momentum\": 0.9,"
                + " \"epsilon\": 1e-5, \"beta_init\": \"one\", \"gamma_init\": \"zero\", \"gamma_regularizer\": null,"
                + " \"beta_regularizer\": null}");
        BatchNormalization bn = (BatchNormalization) s.layer("bn");
        assertEquals(Initializer.ones(), bn.betaInitializer());
        assertEquals(Initializer.zeros(), bn.gammaInitializer());
        assertEquals(0.9, bn.momentum());
    }

    @Test
    void whatWouldChangeTheMathIsRefusedByName() {
        JsonSpecException mode = refused("3", "BatchNormalization", "{\"name\": \"bn\", \"mode\": 2}");
        assertEquals(JsonSpecException.Kind.UNSUPPORTED, mode.kind());
        assertEquals("mode", mode.feature());
        assertEquals("renorm", refused("3", "BatchNormalization", "{\"renorm\": true}").feature());
        assertEquals("virtual_batch_size", refused("3", "BatchNormalization",
                "{\"virtual_batch_size\": 8}").feature());
        JsonSpecException axes = refused("3, 4", "BatchNormalization", "{\"axis\": [1, 2]}");
        assertEquals(JsonSpecException.Kind.INVALID, axes.kind());
        assertTrue(axes.getMessage().contains("several axes"), axes.getMessage());
        assertTrue(refused("3", "BatchNormalization", "{\"axis\": 0}").getMessage().contains("batch axis"));
        assertTrue(refused("3", "BatchNormalization", "{\"center\": false, \"beta_regularizer\": {\"class_name\": "
                + "\"L2\", \"config\": {\"l2\": 0.1}}}").getMessage().contains("no beta"));
        assertTrue(refused("3", "LeakyReLU", "{\"alpha\": -0.1}").getMessage().contains(">= 0"));
        assertTrue(refused("3", "ReLU", "{\"threshold\": -1}").getMessage().contains(">= 0"));
        assertTrue(refused("2, 3", "PReLU", "{\"shared_axes\": [3]}").getMessage().contains("shared_axes"));
        assertTrue(refused("2, 3", "LayerNormalization", "{\"axis\": [1, -2]}").getMessage().contains("twice"));
        assertTrue(refused("2, 3", "Softmax", "{\"axis\": 3}").getMessage().contains("out of bounds"));
    }

    @Test
    void keras2ThresholdedReluReads() {
        Sequential s = one("4", "ThresholdedReLU", "{\"name\": \"t\", \"trainable\": true, \"dtype\": \"float32\", "
                + "\"theta\": 0.5}");
        assertEquals(ThresholdedReLU.thetaOf(0.5).name("t"), s.layer("t"));
        assertEquals(1.0, ((ThresholdedReLU) one("4", "ThresholdedReLU", "{\"name\": \"t\"}").layer("t")).theta());
        assertTrue(refused("4", "ThresholdedReLU", "{\"theta\": -0.5}").getMessage().contains(">= 0"));
        for (Dialect d : Dialect.values()) {
            assertEquals(s, ModelJson.read(ModelJson.write(s, d)).spec());
        }
    }

    @Test
    void everyActivationNameReadsAndAliasesMapToKerasFunctions() {
        for (Activation a : Activation.values()) {
            // A name means Keras 3's function; Keras 1/2's hard_sigmoid comes only from files of those versions.
            assertEquals(a == Activation.HARD_SIGMOID_KERAS2 ? Activation.HARD_SIGMOID : a,
                    Activation.fromKerasName(a.kerasName()));
        }
        assertEquals(Activation.SILU, Activation.fromKerasName("swish"));
        assertEquals(Activation.HARD_SILU, Activation.fromKerasName("hard_swish"));
        Sequential s = one("4", "Activation", "{\"name\": \"a\", \"activation\": \"hard_swish\"}");
        assertEquals(ActivationLayer.of(Activation.HARD_SILU).name("a"), s.layer("a"));
        assertEquals(28, Activation.values().length);
    }

    @Test
    void glusparsemaxAndThresholdAreRefusedWithTheReason() {
        for (String name : List.of("glu", "sparsemax", "threshold")) {
            SpecException e = assertThrows(SpecException.class, () -> Activation.fromKerasName(name));
            assertTrue(e.getMessage().startsWith("activation '" + name + "' is not supported: "), e.getMessage());
            JsonSpecException j = refused("4", "Activation", "{\"activation\": \"" + name + "\"}");
            assertEquals(JsonSpecException.Kind.UNSUPPORTED, j.kind());
            assertEquals(name, j.feature());
        }
        assertTrue(assertThrows(SpecException.class, () -> Activation.fromKerasName("sparsemax")).getMessage()
                .contains("keras-team/keras#23425"));
    }
}
