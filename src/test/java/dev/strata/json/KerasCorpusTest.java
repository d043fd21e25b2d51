package dev.strata.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.graph.GraphCompiler;
import dev.strata.spec.LayerSummary;
import dev.strata.spec.ModelSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shared corpus of real Keras 1/2/3 and TF.js topologies (read in place, never copied): every file either
 * loads, with the parameter counts real Keras computes for the same topology (trainable and non-trainable, per
 * layer; {@code tools/keras-golden/corpus_params.py}), or fails with a {@link JsonSpecException} naming the layer
 * class or feature and its JSON path. CI has the corpus next to the project: a missing corpus fails.
 */
class KerasCorpusTest {
    static final Path CORPUS = Path.of("../shared/keras-corpus");

    /** Files that must load: every file made only of layers Strata supports. */
    static final List<String> LOADABLE = List.of(
            "animal10_keras380_sequential-with-nested-mobilenetv2.json",
            "chess-alpha-zero_resnet-policy-value_l2_WRAPPED.json",
            "connect4-alpha-zero_resnet-policy-value_l2_WRAPPED.json",
            "dl4j-test-resources_keras105_retina-unet_permute-merge.json",
            "dl4j-test-resources_keras1_cnn_W_regularizer.json",
            "dl4j-test-resources_keras1_functional-merge_2in-2out_W_regularizer.json",
            "dl4j-test-resources_keras1_lstm-timedistributeddense_W_regularizer.json",
            "dl4j-test-resources_keras1_mlp-batchnorm-leakyrelu_W_regularizer.json",
            "dl4j-test-resources_keras1_yolo-sequential-leakyrelu.json",
            "dl4j-test-resources_keras2_agz-dual-res_2-outputs.json",
            "dl4j-test-resources_keras2_bidirectional-lstm.json",
            "dl4j-test-resources_keras2_conv1d-dilation-globalmaxpool.json",
            "dl4j-test-resources_keras2_embedding-flatten-graph_11-inputs.json",
            "dl4j-test-resources_keras2_l1l2-regularizer-dense.json",
            "dl4j-test-resources_keras2_prelu.json",
            "dl4j-test-resources_keras2_reshape-embedding-concat_3-inputs.json",
            "dl4j-test-resources_keras2_seq2seq_bidirectional_2-inputs.json",
            "face_classification_fer2013_mini_XCEPTION_l2.json",
            "fast-style-transfer_keras2131_module-format.json",
            "hls4ml-example-models_KERAS_3layer_batch_norm_l1.json",
            "hls4ml-example-models_KERAS_conv1d_l1.json",
            "hls4ml-example-models_KERAS_dense_16x200x5_l1-dropout.json",
            "hls4ml-example-models_jetTagger_Conv2D_Small_zero-l1l2.json",
            "hls4ml-history_KERAS_gru_model_recurrent_regularizer.json",
            "hls4ml-history_KERAS_lstm_model_recurrent_regularizer.json",
            "kotlindl-test_lenet_kernel-bias-activity-regularizers.json",
            "kotlindl_efficientnetb0_functional_keras250.json",
            "kotlindl_toyresnet.json",
            "kotlindl_vgg16.json",
            "lwtnn-btag-tutorial_gru_2in-2out.json",
            "maternal-health_keras215_tfjs.json",
            "melody-lstm_keras3121_flat-input-layers.json",
            "ml5-data-and-models_CVAE-quickdraw_2-inputs.json",
            "ml5-data-and-models_YOLO-tiny_l2.json",
            "ml5-data-and-models_crepe-pitch.json",
            "ml5-data-and-models_darknet-tiny_l2.json",
            "ml5-data-and-models_dcgan-face_conv2dtranspose.json",
            "ml5-data-and-models_doodlenet.json",
            "obesity-risk_keras370_dense_L2.json",
            "pos-tagger_keras231_bilstm-timedistributed.json",
            "sentiment-classifier_keras211_h5-named-dot-keras.json",
            "sqli-detector_keras28_embedding-conv1d.json",
            "tfjs-e2e_layers-model_embedding-gru_tfjs-written.json",
            "tfjs-examples_abalone-node_tfjs-written.json",
            "tfjs-layers-test_attention-seq2seq_bilstm_shared-layers.json",
            "tfjs-layers-test_dense-batchnorm-sequential.json",
            "tfjs-layers-test_emoji-autoencoder_nested-models.json",
            "tfjs-layers-test_functional-with-nested-sequential.json",
            "tfjs-layers-test_lstm-dropout-sequential.json",
            "tfjs-layers-test_lstm-two-inputs.json",
            "tfjs-layers-test_merge-add-two-inputs.json",
            "tfjs-layers-test_merge-concatenate-two-inputs.json",
            "tfjs-layers-test_mnist-cnn-sequential-list-config.json",
            "tfjs-layers-test_relu-ndarray-scalar.json",
            "tfjs-yolo-demo_yolov3-tiny_l2_2-outputs.json",
            "tfjs-yolo-demo_yolov3_l2_3-outputs.json",
            "traffic-sign_keras380_cnn.json");

    @Test
    void everyFileLoadsWithKerasParameterCountsOrFailsWithATypedPathedError() throws IOException {
        assertTrue(Files.isDirectory(CORPUS), "the shared Keras corpus must be at " + CORPUS.toAbsolutePath());
        JsonNode counts = kerasCounts();
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
                ModelSummary summary = GraphCompiler.check(r.spec());
                loaded.add(name);
                String again = ModelJson.write(r.spec(), r.trainingConfig(), r.dialect());
                assertEquals(r.spec(), ModelJson.read(again).spec(), "round trip of " + name);
                assertSameCounts(name, summary, counts.get("files").get(name));
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
                .forEach(e -> report.append(String.format("  %3d  %s: %s%n", e.getValue().size(), e.getKey(),
                        e.getValue())));
        System.out.print(report);
        for (String expected : LOADABLE) {
            assertTrue(loaded.contains(expected), expected + " should load\n" + report);
        }
    }

    /** Total and per-layer (trainable, non-trainable) counts equal Keras's for the same topology. */
    private static void assertSameCounts(String name, ModelSummary summary, JsonNode keras) {
        assertNotNull(keras, name + " has no Keras count in keras_param_counts.json");
        assertTrue(!keras.has("error"), name + " loads in Strata but Keras could not count it: " + keras);
        assertEquals(keras.get("trainable").asLong(), summary.trainableParams(), name + ": trainable params");
        assertEquals(keras.get("non_trainable").asLong(), summary.totalParams() - summary.trainableParams(),
                name + ": non-trainable params");
        for (LayerSummary row : summary.layers()) {
            JsonNode layer = keras.get("layers").get(row.layer().name());
            assertNotNull(layer, name + ": Keras has no layer " + row.layer().name());
            assertEquals(layer.get(0).asLong(), row.trainableParamCount(), name + ": " + row.layer().name()
                    + " trainable");
            assertEquals(layer.get(1).asLong(), row.paramCount() - row.trainableParamCount(), name + ": "
                    + row.layer().name() + " non-trainable");
        }
    }

    static JsonNode kerasCounts() throws IOException {
        try (InputStream in = KerasCorpusTest.class.getResourceAsStream("/corpus/keras_param_counts.json")) {
            assertNotNull(in, "src/test/resources/corpus/keras_param_counts.json");
            return new ObjectMapper().readTree(in);
        }
    }
}
