package dev.strata.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.spec.Activation;
import dev.strata.spec.Initializer;
import dev.strata.spec.L1L2;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerSummary;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.layers.Bidirectional;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Embedding;
import dev.strata.spec.layers.GRU;
import dev.strata.spec.layers.LSTM;
import dev.strata.spec.layers.BidirectionalMergeMode;
import dev.strata.spec.layers.TimeDistributed;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The recurrent layers of real Keras 1/2 and TF.js files from the shared corpus: their Keras 1 spellings
 * ({@code output_dim}, {@code inner_init}, {@code inner_activation}, {@code dropout_W}, {@code W_regularizer},
 * {@code consume_less}, {@code TimeDistributedDense}), a GRU without {@code reset_after}, and each sequence layer's
 * parameter counts against real Keras ({@code keras_param_counts.json}), their Orthogonal recurrent kernels read.
 */
class SequenceCorpusTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String text(String file) throws IOException {
        return Files.readString(KerasCorpusTest.CORPUS.resolve(file));
    }

    /** The file as Keras wrote it; its recurrent kernels are Orthogonal, as Keras's default. */
    private static ModelSpec withOrthogonal(String file) throws IOException {
        ModelSpec spec = ModelJson.read(text(file)).spec();
        assertTrue(spec.summary().layers().stream().anyMatch(r -> r.layer().toString().contains("Orthogonal")),
                file + " has an Orthogonal initializer");
        return spec;
    }

    /** Every layer's (trainable, non-trainable) counts are Keras's. */
    private static void assertKerasCounts(String file, ModelSpec spec) throws IOException {
        JsonNode keras = KerasCorpusTest.kerasCounts().get("files").get(file).get("layers");
        ModelSummary summary = spec.summary();
        for (LayerSummary row : summary.layers()) {
            JsonNode counts = keras.get(row.layer().name());
            assertNotNull(counts, file + ": Keras has no layer " + row.layer().name());
            assertEquals(counts.get(0).asLong(), row.trainableParamCount(), file + ": " + row.layer().name());
            assertEquals(counts.get(1).asLong(), row.paramCount() - row.trainableParamCount(),
                    file + ": " + row.layer().name());
        }
    }

    private static Layer layer(ModelSpec spec, String name) {
        return spec.summary().layers().stream().map(LayerSummary::layer).filter(l -> name.equals(l.name()))
                .findFirst().orElseThrow();
    }

    @Test
    void keras1LstmAndTimeDistributedDense() throws IOException {
        String file = "dl4j-test-resources_keras1_lstm-timedistributeddense_W_regularizer.json";
        ModelSpec spec = ModelJson.read(text(file)).spec();
        LSTM first = (LSTM) layer(spec, "lstm_1");
        assertEquals(3, first.units());
        assertEquals(Activation.HARD_SIGMOID_KERAS2, first.recurrentActivation()); // a Keras 1 file: clip(0.2x + 0.5)
        assertEquals(Initializer.glorotUniform(), first.recurrentInitializer());
        assertEquals(0.5, first.dropout());
        assertEquals(0.0, first.recurrentDropout());
        assertTrue(first.returnSequences());
        LSTM second = (LSTM) layer(spec, "lstm_2");
        assertEquals(new L1L2(0.0, 0.10000000149011612), second.kernelRegularizer());
        assertNull(second.recurrentRegularizer());
        Dense td = (Dense) layer(spec, "timedistributeddense_1");
        assertEquals(3, td.units());
        assertKerasCounts(file, spec);
    }

    @Test
    void keras2LstmWithEveryRegularizerSlot() throws IOException {
        String file = "hls4ml-history_KERAS_lstm_model_recurrent_regularizer.json";
        ModelSpec spec = withOrthogonal(file);
        LSTM lstm = (LSTM) layer(spec, "lstm_lstm");
        assertEquals(16, lstm.units());
        assertEquals(Activation.RELU, lstm.activation());
        assertEquals(new L1L2(9.999999747378752e-05, 0.0), lstm.kernelRegularizer());
        assertEquals(new L1L2(0.0010000000474974513, 0.0), lstm.recurrentRegularizer());
        assertTrue(lstm.unitForgetBias());
        assertTrue(lstm.returnSequences());
        assertKerasCounts(file, spec);
    }

    @Test
    void keras2GruWithoutResetAfterIsTheResetBeforeGru() throws IOException {
        String file = "hls4ml-history_KERAS_gru_model_recurrent_regularizer.json";
        ModelSpec spec = withOrthogonal(file);
        GRU gru = (GRU) layer(spec, "gru_selu");
        assertEquals(20, gru.units());
        assertEquals(false, gru.resetAfter());
        assertEquals(new L1L2(0.0010000000474974513, 0.0), gru.recurrentRegularizer());
        assertKerasCounts(file, spec); // 1620: a (3 * units) bias, not tf.keras's (2, 3 * units)
    }

    @Test
    void tfjsLstmWithDropoutAndTfjsGruAfterAnEmbedding() throws IOException {
        String lstmFile = "tfjs-layers-test_lstm-dropout-sequential.json";
        ModelSpec spec = withOrthogonal(lstmFile);
        LSTM lstm = (LSTM) layer(spec, "lstm_9");
        assertEquals(256, lstm.units());
        assertEquals(Activation.HARD_SIGMOID_KERAS2, lstm.recurrentActivation()); // TF.js: clip(0.2x + 0.5)
        assertKerasCounts(lstmFile, spec);

        String gruFile = "tfjs-e2e_layers-model_embedding-gru_tfjs-written.json";
        ModelSpec gruSpec = withOrthogonal(gruFile);
        assertEquals(false, ((GRU) layer(gruSpec, "gru_GRU1")).resetAfter());
        assertKerasCounts(gruFile, gruSpec);
    }

    @Test
    void keras2BidirectionalLstmsAfterEmbeddings() throws IOException {
        String file = "dl4j-test-resources_keras2_bidirectional-lstm.json";
        ModelSpec spec = ModelJson.read(text(file)).spec();
        Embedding emb = (Embedding) layer(spec, "embedding_1");
        assertEquals(20000, emb.inputDim());
        assertEquals(100, emb.inputLength());
        Bidirectional bi = (Bidirectional) layer(spec, "bidirectional_1");
        assertEquals(BidirectionalMergeMode.SUM, bi.mergeMode());
        assertEquals("forward_lstm_1", bi.forward().name());
        assertEquals("backward_lstm_1", bi.backward().name());
        assertTrue(bi.backward().goBackwards());
        assertTrue(bi.forward().zeroOutputForMask(), "Keras sets zero_output_for_mask = return_sequences");
        assertKerasCounts(file, spec);

        String tagger = "pos-tagger_keras231_bilstm-timedistributed.json";
        ModelSpec tags = withOrthogonal(tagger);
        assertTrue(layer(tags, "time_distributed_1") instanceof TimeDistributed td && td.layer() instanceof Dense);
        assertKerasCounts(tagger, tags);
    }

    @Test
    void keras3FunctionalLstmOverUnknownSteps() throws IOException {
        String file = "melody-lstm_keras3121_flat-input-layers.json";
        ModelSpec spec = withOrthogonal(file);
        assertEquals(256, ((LSTM) layer(spec, "lstm")).units());
        assertKerasCounts(file, spec);
    }

    @Test
    void anEmbeddingReadsItsKeras1Keys() {
        String json = "{\"class_name\": \"Sequential\", \"config\": [{\"class_name\": \"Embedding\", \"config\": "
                + "{\"name\": \"e\", \"input_dim\": 50, \"output_dim\": 4, \"init\": \"uniform\", \"input_length\": 7,"
                + " \"batch_input_shape\": [null, 7], \"mask_zero\": true, \"dropout\": 0.0, \"W_regularizer\": "
                + "{\"name\": \"WeightRegularizer\", \"l1\": 0.0, \"l2\": 0.5}, \"W_constraint\": null}}]}";
        Embedding e = (Embedding) ModelJson.read(json).spec().summary().layers().get(0).layer();
        assertEquals(50, e.inputDim());
        assertEquals(7, e.inputLength());
        assertTrue(e.maskZero());
        assertEquals(new L1L2(0.0, 0.5), e.embeddingsRegularizer());
        JsonSpecException dropout = assertThrows(JsonSpecException.class, () -> ModelJson.read(json.replace(
                "\"dropout\": 0.0", "\"dropout\": 0.2")));
        assertEquals("dropout", dropout.feature());
    }
}
