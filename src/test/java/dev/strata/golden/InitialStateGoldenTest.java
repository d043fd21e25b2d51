package dev.strata.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.graph.WeightSet;
import dev.strata.json.Dialect;
import dev.strata.json.ModelJson;
import dev.strata.spec.Loss;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.Optimizer;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.train.Dataset;
import dev.strata.train.Evaluation;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recurrent layers started from given states (Keras's {@code initial_state}), against real Keras 3
 * ({@code tools/keras-golden/initial_state.py}): an LSTM decoder started from an LSTM encoder's final (h, c), a GRU
 * started from a Dense of the encoder's output, with a recurrent L2 penalty; predict, evaluate and an epoch of fit.
 * Keras 3 records the states as the call's {@code initial_state} keyword, which Strata reads and writes back.
 */
class InitialStateGoldenTest {
    private static final JsonNode F = Golden.load("initial_state.json");

    private static ModelSpec spec() {
        return ModelJson.read(F.get("model_json").asText()).spec();
    }

    private static TrainingConfig config() {
        return TrainingConfig.of(Optimizer.sgd(0.1)).loss("proj", Loss.meanSquaredError())
                .loss("gru", Loss.meanSquaredError());
    }

    private static Dataset data() {
        return Dataset.of(List.of(Golden.floats(F.get("enc")), Golden.floats(F.get("dec"))),
                List.of(TensorShape.of(5, 3), TensorShape.of(6, 2)),
                List.of(Golden.floats(F.get("y_proj")), Golden.floats(F.get("y_gru"))),
                List.of(TensorShape.of(6, 2), TensorShape.of(3)));
    }

    /** Keras paths an RNN's weights through its cell ({@code encoder/lstm_cell/kernel}); Strata has no cell level. */
    private static WeightSet weights(JsonNode list) {
        Map<String, WeightSet.Entry> m = new LinkedHashMap<>();
        for (JsonNode w : list) {
            String path = w.get("path").asText().replace("/lstm_cell/", "/").replace("/gru_cell/", "/");
            m.put(path, new WeightSet.Entry(Golden.shape(w), Golden.floats(w)));
        }
        return new WeightSet(m);
    }

    @Test
    void readsAndWritesInitialStateAsKerasRecordsIt() {
        ModelSpec spec = spec();
        assertEquals(F.get("counts").get("total").asLong(), spec.summary().totalParams());
        for (Dialect d : Dialect.values()) {
            assertEquals(spec, ModelJson.read(ModelJson.write(spec, d)).spec(), d.toString());
        }
        String k3 = ModelJson.write(spec, Dialect.KERAS3).replaceAll("\\s", "");
        assertTrue(k3.contains("\"kwargs\":{\"initial_state\":[{\"class_name\":\"__keras_tensor__\""), k3);
    }

    @Test
    void predictEvaluateAndOneEpochMatchKeras() {
        try (Model m = Model.compile(spec(), config())) {
            m.setWeights(weights(F.get("initial_weights")));
            List<float[][]> out = m.predictAll(data(), 8);
            CnnGoldenTest.assertClose("proj", Golden.floats(F.get("predict").get("proj")), flat(out.get(0)), 1e-5);
            CnnGoldenTest.assertClose("gru", Golden.floats(F.get("predict").get("gru")), flat(out.get(1)), 1e-5);
            Evaluation e = m.evaluate(data(), 8);
            for (String key : List.of("loss", "proj_loss", "gru_loss")) {
                CnnGoldenTest.assertClose(key, new float[] {(float) F.get("evaluate").get(key).asDouble()},
                        new float[] {(float) e.get(key)}, 1e-5);
            }
            History h = m.fit(data(), FitOptions.epochs(1).batchSize(4).shuffle(false).quiet());
            for (String key : List.of("loss", "proj_loss", "gru_loss")) {
                CnnGoldenTest.assertClose("history " + key, new float[] {(float) F.get("fit").get("history").get(key)
                        .get(0).asDouble()}, new float[] {(float) h.get(key)[0]}, 1e-5);
            }
            WeightSet want = weights(F.get("fit").get("weights_after"));
            WeightSet got = m.weights();
            for (String w : want.entries().keySet()) {
                CnnGoldenTest.assertClose(w, want.values(w), got.values(w), 1e-5);
            }
        }
    }

    private static float[] flat(float[][] rows) {
        float[] out = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * rows[0].length, rows[0].length);
        }
        return out;
    }
}
