package dev.strata.golden;

import static dev.strata.golden.CnnGoldenTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.graph.WeightSet;
import dev.strata.json.ModelJson;
import dev.strata.spec.Loss;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.Optimizer;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import dev.strata.train.RegularizationValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Small regularized sequence models (stacked LSTMs, GRUs both ways of reset_after, Bidirectional(LSTM), and an
 * Embedding(mask_zero) -> Bidirectional(LSTM) model with padded token rows) against real Keras 3
 * ({@code tools/keras-golden/sequence_step.py}) on the same weights and data: inference output, each penalty by
 * name, and one SGD step: reported loss (activity penalties included) and every weight after it.
 */
class SequenceStepGoldenTest {
    private static final JsonNode F = Golden.load("sequence_step.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Arguments> models() {
        List<Arguments> out = new ArrayList<>();
        F.get("models").fields().forEachRemaining(e -> out.add(Arguments.of(e.getKey(), e.getValue())));
        return out.stream();
    }

    /** The model as Keras wrote it. */
    private static ModelSpec spec(JsonNode m) {
        return ModelJson.read(m.get("model_json").asText()).spec();
    }

    private static WeightSet weights(JsonNode list) {
        Map<String, WeightSet.Entry> map = new LinkedHashMap<>();
        for (JsonNode w : list) {
            map.put(w.get("strata").asText(), new WeightSet.Entry(Golden.shape(w), Golden.floats(w)));
        }
        return new WeightSet(map);
    }

    private static Dataset data(ModelSpec spec, JsonNode m) {
        return Dataset.of(Golden.floats(m.get("x")), spec.summary().inputShape(), Golden.floats(m.get("y")),
                TensorShape.of(2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void predictPenaltiesAndOneSgdStepMatchKeras(String name, JsonNode m) {
        ModelSpec spec = spec(m);
        TrainingConfig config = TrainingConfig.of(Optimizer.sgd(0.1), Loss.categoricalCrossentropy());
        try (Model model = Model.compile(spec, config)) {
            WeightSet initial = weights(m.get("initial_weights"));
            assertEquals(initial.entries().keySet(), model.weights().entries().keySet(), name + ": weight names");
            model.setWeights(initial);
            float[][] predicted = model.predict(data(spec, m), 4);
            float[] flat = new float[predicted.length * 2];
            for (int i = 0; i < predicted.length; i++) {
                System.arraycopy(predicted[i], 0, flat, 2 * i, 2);
            }
            assertClose(name + ": predict", Golden.floats(m.get("predict")), flat, 1e-5);

            List<RegularizationValue> losses = model.losses();
            List<String> names = new ArrayList<>();
            m.get("penalties").forEach(p -> names.add(p.get("strata").asText()));
            assertEquals(names, losses.stream().map(RegularizationValue::name).toList(), name + ": penalty terms");
            for (int i = 0; i < names.size(); i++) {
                assertClose(name + ": " + names.get(i), new float[] {(float) m.get("penalties").get(i).get("value")
                        .asDouble()}, new float[] {(float) losses.get(i).value()}, 1e-5);
            }

            History h = model.fit(data(spec, m), FitOptions.epochs(1).batchSize(4).shuffle(false).quiet());
            assertClose(name + ": reported loss", new float[] {(float) m.get("reported_loss").asDouble()},
                    new float[] {(float) h.get("loss")[0]}, 1e-5);
            WeightSet after = model.weights();
            WeightSet want = weights(m.get("weights_after"));
            for (String w : want.entries().keySet()) {
                assertClose(name + ": " + w + " after one step", want.values(w), after.values(w), 1e-5);
                assertFalse(java.util.Arrays.equals(initial.values(w), after.values(w)), name + ": " + w
                        + " did not change");
            }
        }
    }
}
