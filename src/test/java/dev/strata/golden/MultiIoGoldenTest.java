package dev.strata.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.graph.WeightSet;
import dev.strata.json.ModelJson;
import dev.strata.json.ReadResult;
import dev.strata.spec.Functional;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
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
import org.junit.jupiter.api.Test;

/**
 * A functional model with two inputs, a layer shared by both and two outputs with their own losses, a loss weight
 * and per-output metrics, against real Keras 3 ({@code tools/keras-golden/multi_io.py}): predictions of both
 * outputs, every value evaluate logs ({@code loss}, {@code kind_loss}, {@code size_loss}, {@code kind_accuracy}),
 * and one epoch of fit (history and weights), activity penalties counted once per call of the shared layer.
 */
class MultiIoGoldenTest {
    private static final JsonNode F = Golden.load("multi_io.json");

    private static TrainingConfig config() {
        return TrainingConfig.of(Optimizer.sgd(0.1))
                .loss("kind", Loss.categoricalCrossentropy()).loss("size", Loss.meanSquaredError())
                .lossWeight("kind", 1.0).lossWeight("size", 0.5).metrics("kind", Metric.ACCURACY);
    }

    private static Dataset data() {
        return Dataset.of(List.of(Golden.floats(F.get("xa")), Golden.floats(F.get("xb"))),
                List.of(TensorShape.of(4), TensorShape.of(4)),
                List.of(Golden.floats(F.get("y_kind")), Golden.floats(F.get("y_size"))),
                List.of(TensorShape.of(2), TensorShape.of(1)));
    }

    /** Keras names a functional model's weights {@code layer/weight}, as Strata does. */
    private static WeightSet weights(JsonNode list) {
        Map<String, WeightSet.Entry> m = new LinkedHashMap<>();
        for (JsonNode w : list) {
            m.put(w.get("path").asText(), new WeightSet.Entry(Golden.shape(w), Golden.floats(w)));
        }
        return new WeightSet(m);
    }

    private static Model compile(TrainingConfig config) {
        ReadResult r = ModelJson.read(F.get("model_json").asText());
        Functional f = (Functional) r.spec();
        assertEquals(List.of(List.of(TensorRef.of("a")), List.of(TensorRef.of("b"))),
                f.nodes().stream().filter(n -> n.layer().name().equals("shared")).findFirst().orElseThrow().calls());
        Model m = Model.compile(f, config);
        m.setWeights(weights(F.get("initial_weights")));
        return m;
    }

    /** Keras's compile_config with dicts by output name reads as the same settings. */
    @Test
    void compileConfigWithDictsByOutputNameReads() {
        TrainingConfig read = ModelJson.read(F.get("model_json").asText()).training().orElseThrow();
        assertEquals(config().resolve(List.of("kind", "size")), read.resolve(List.of("kind", "size")));
        String written = ModelJson.write(ModelJson.read(F.get("model_json").asText()).spec(), read,
                dev.strata.json.Dialect.KERAS3);
        assertEquals(read.resolve(List.of("kind", "size")),
                ModelJson.read(written).training().orElseThrow().resolve(List.of("kind", "size")));
    }

    @Test
    void predictAndEvaluateMatchKerasOutputByOutput() {
        try (Model m = compile(config())) {
            assertEquals(List.of("kind", "size"), m.summary().outputNames());
            List<float[][]> out = m.predictAll(data(), 8);
            CnnGoldenTest.assertClose("kind", Golden.floats(F.get("predict").get("kind")), flat(out.get(0)), 1e-5);
            CnnGoldenTest.assertClose("size", Golden.floats(F.get("predict").get("size")), flat(out.get(1)), 1e-5);
            Evaluation e = m.evaluate(data(), 8);
            for (String key : List.of("loss", "kind_loss", "size_loss", "kind_accuracy")) {
                CnnGoldenTest.assertClose(key, new float[] {(float) F.get("evaluate").get(key).asDouble()},
                        new float[] {(float) e.get(key)}, 1e-5);
            }
            assertTrue(e.get("regularization_loss") > 0, "the shared layer's penalties are in the objective");
        }
    }

    @Test
    void oneEpochMatchesKerasHistoryAndWeights() {
        try (Model m = compile(config())) {
            History h = m.fit(data(), FitOptions.epochs(1).batchSize(4).shuffle(false).quiet());
            for (String key : List.of("loss", "kind_loss", "size_loss", "kind_accuracy")) {
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
