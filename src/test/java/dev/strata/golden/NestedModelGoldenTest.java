package dev.strata.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.graph.WeightSet;
import dev.strata.json.Dialect;
import dev.strata.json.ModelJson;
import dev.strata.spec.Functional;
import dev.strata.spec.Loss;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.NestedModel;
import dev.strata.spec.Optimizer;
import dev.strata.spec.TensorRef;
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
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Models used as layers, against real Keras 3 ({@code tools/keras-golden/nested.py}): a trainable nested Sequential
 * with BatchNormalization (state updates inside the nested model), a frozen nested Sequential, and a nested
 * functional model called twice, one of whose calls is a model output. Keras numbers that output
 * {@code ["head", 1, 0]} (a nested functional model's calls count from 1 in output_layers) while the tensor fed to
 * {@code mix} is {@code ["head", 1, 0]} too, the plain second call: the reader must tell them apart.
 */
class NestedModelGoldenTest {
    private static final JsonNode F = Golden.load("nested.json");

    private static ModelSpec spec() {
        return ModelJson.read(F.get("model_json").asText()).spec();
    }

    private static TrainingConfig config() {
        return TrainingConfig.of(Optimizer.sgd(0.1)).loss("head", Loss.meanSquaredError())
                .loss("mix", Loss.meanSquaredError());
    }

    private static Dataset data() {
        return Dataset.of(List.of(Golden.floats(F.get("x"))), List.of(TensorShape.of(6)),
                List.of(Golden.floats(F.get("y_head")), Golden.floats(F.get("y_mix"))),
                List.of(TensorShape.of(2), TensorShape.of(1)));
    }

    /**
     * Keras paths a nested Sequential's weights {@code encoder/enc_dense/kernel} and a nested functional model's
     * {@code head_dense/kernel}; Strata always puts the nested model's name first ({@code head/head_dense/kernel}).
     */
    private static String strataName(String kerasPath, Set<String> strata) {
        if (strata.contains(kerasPath)) {
            return kerasPath;
        }
        List<String> matches = strata.stream().filter(n -> n.endsWith("/" + kerasPath)).toList();
        assertEquals(1, matches.size(), "one Strata weight for Keras's " + kerasPath + ": " + strata);
        return matches.get(0);
    }

    private static WeightSet weights(JsonNode list, Set<String> strata) {
        Map<String, WeightSet.Entry> m = new LinkedHashMap<>();
        for (JsonNode w : list) {
            m.put(strataName(w.get("path").asText(), strata), new WeightSet.Entry(Golden.shape(w), Golden.floats(w)));
        }
        return new WeightSet(m);
    }

    private static Model compile() {
        Model m = Model.compile(spec(), config());
        m.setWeights(weights(F.get("initial_weights"), m.weights().entries().keySet()));
        return m;
    }

    @Test
    void readsNestedModelsWithKerasNodeNumbering() {
        Functional outer = (Functional) spec();
        assertEquals(List.of(TensorRef.of("head"), new TensorRef("mix", 0, 0)), outer.outputs());
        Functional.class.cast(outer);
        var head = outer.nodes().stream().filter(n -> n.layer().name().equals("head")).findFirst().orElseThrow();
        assertEquals(List.of(List.of(TensorRef.of("encoder")), List.of(TensorRef.of("frozen"))), head.calls());
        var mix = outer.nodes().stream().filter(n -> n.layer().name().equals("mix")).findFirst().orElseThrow();
        assertEquals(List.of(List.of(new TensorRef("head", 1, 0))), mix.calls());
        assertEquals(false, ((NestedModel) outer.nodes().stream().filter(n -> n.layer().name().equals("frozen"))
                .findFirst().orElseThrow().layer()).trainable());
        ModelSummary s = outer.summary();
        assertEquals(F.get("counts").get("total").asLong(), s.totalParams());
        assertEquals(F.get("counts").get("trainable").asLong(), s.trainableParams());
        assertEquals(List.of("head", "mix"), s.outputNames());
    }

    @Test
    void writesWhatItReadsInBothDialects() {
        ModelSpec spec = spec();
        for (Dialect d : Dialect.values()) {
            assertEquals(spec, ModelJson.read(ModelJson.write(spec, d)).spec(), d.toString());
        }
        // Keras 3's own numbering, as Keras wrote it: calls from 1 in output_layers only.
        String k3 = ModelJson.write(spec, Dialect.KERAS3);
        String kerasOutputs = ModelJson.write(ModelJson.read(F.get("model_json").asText()).spec(), Dialect.KERAS3);
        assertEquals(k3, kerasOutputs);
        assertEquals(true, k3.contains("\"output_layers\" : [ [ \"head\", 1, 0 ], [ \"mix\", 0, 0 ] ]")
                || k3.replaceAll("\\s", "").contains("\"output_layers\":[[\"head\",1,0],[\"mix\",0,0]]"), k3);
        // Keras 2 counts every nested model's calls from 1, inbound references too.
        String k2 = ModelJson.write(spec, Dialect.KERAS2).replaceAll("\\s", "");
        assertEquals(true, k2.contains("[[[\"encoder\",1,0,{}]],[[\"frozen\",1,0,{}]]]"), k2);
    }

    @Test
    void predictEvaluateAndOneEpochMatchKeras() {
        try (Model m = compile()) {
            List<float[][]> out = m.predictAll(data(), 8);
            CnnGoldenTest.assertClose("head", Golden.floats(F.get("predict").get("head")), flat(out.get(0)), 1e-5);
            CnnGoldenTest.assertClose("mix", Golden.floats(F.get("predict").get("mix")), flat(out.get(1)), 1e-5);
            Evaluation e = m.evaluate(data(), 8);
            for (String key : List.of("loss", "head_loss", "mix_loss")) {
                CnnGoldenTest.assertClose(key, new float[] {(float) F.get("evaluate").get(key).asDouble()},
                        new float[] {(float) e.get(key)}, 1e-5);
            }
            History h = m.fit(data(), FitOptions.epochs(1).batchSize(4).shuffle(false).quiet());
            for (String key : List.of("loss", "head_loss", "mix_loss")) {
                CnnGoldenTest.assertClose("history " + key, new float[] {(float) F.get("fit").get("history").get(key)
                        .get(0).asDouble()}, new float[] {(float) h.get(key)[0]}, 1e-5);
            }
            WeightSet got = m.weights();
            WeightSet want = weights(F.get("fit").get("weights_after"), got.entries().keySet());
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
