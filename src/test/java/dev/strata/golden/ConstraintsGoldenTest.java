package dev.strata.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.graph.WeightSet;
import dev.strata.json.Dialect;
import dev.strata.json.ModelJson;
import dev.strata.json.ReadResult;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.TensorShape;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code constraints.json} ({@code tools/keras-golden/constraints.py}): MaxNorm, NonNeg, UnitNorm and MinMaxNorm in
 * each kind of constraint slot: Dense kernel and bias, Conv1D and Conv2D kernel, DepthwiseConv2D depthwise kernel,
 * SeparableConv2D depthwise and pointwise kernels, Embedding embeddings, LSTM kernel and recurrent kernel, a
 * Bidirectional GRU's recurrent kernel and bias (both copies), BatchNormalization and LayerNormalization gamma and
 * beta, PReLU alpha. Every case starts from weights that violate its constraints (one by a factor of about 80) and
 * takes three full-batch steps of SGD or Adam. Keras projects each weight right after its update; a projection
 * skipped, or computed with another epsilon or axis, moves the weights well past the tolerance.
 *
 * <p>Model, loss and optimizer come from Keras's own {@code model.to_json()}. Tolerance: the weights after each
 * step agree to 1e-6 relative with a 1e-7 absolute floor (for entries near zero, such as those NonNeg sets to 0),
 * and each step's loss to 1e-6 relative.
 */
class ConstraintsGoldenTest {
    private static final String FIXTURE = "constraints.json";
    private static final double REL = 1e-6;
    private static final double ABS = 1e-7;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Arguments> cases() {
        return Golden.cases(FIXTURE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void weightsAfterEachStepMatchKeras(String name, JsonNode c) {
        Golden.Checker check = new Golden.Checker(FIXTURE);
        Dataset data = data(c);
        ReadResult r = ModelJson.read(c.get("model_json").asText());
        try (Model m = Model.compile(r.spec(), r.training().orElseThrow())) {
            m.setWeights(weights(c.get("initial_weights")));
            int step = 1;
            for (JsonNode s : c.get("steps")) {
                // One epoch of one batch is one optimizer step; the optimizer's state carries over between fits.
                History h = m.fit(data, FitOptions.epochs(1).batchSize(data.size()).shuffle(false).quiet());
                check.close(name + " step " + step + " loss", s.get("loss").asDouble(), h.get("loss")[0], REL, 0);
                check.weights(name + " step " + step, weights(s.get("weights")), m.weights(), REL, ABS);
                step++;
            }
        }
        check.verify(name);
    }

    /**
     * Each constraint Keras wrote survives Strata's reading and writing in both dialects: the spec read back is
     * equal, and every {@code *_constraint} field Strata writes holds the class name and config Keras wrote.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void constraintsRoundTripThroughJsonInBothDialects(String name, JsonNode c) throws Exception {
        String kerasJson = c.get("model_json").asText();
        ModelSpec spec = ModelJson.read(kerasJson).spec();
        Map<String, JsonNode> keras = constraintFields(MAPPER.readTree(kerasJson));
        assertEquals(c.get("initial_violation").size(), keras.size(), "constrained weights vs constraint fields");
        assertFalse(keras.isEmpty(), "no constraint in the Keras JSON");
        for (Dialect d : new Dialect[] {Dialect.KERAS3, Dialect.KERAS2}) {
            String written = ModelJson.write(spec, d);
            assertEquals(spec, ModelJson.read(written).spec(), d + ": spec read back");
            Map<String, JsonNode> strata = constraintFields(MAPPER.readTree(written));
            assertEquals(keras.keySet(), strata.keySet(), d + ": constrained slots");
            for (Map.Entry<String, JsonNode> e : keras.entrySet()) {
                JsonNode k = e.getValue();
                JsonNode s = strata.get(e.getKey());
                assertEquals(k.get("class_name"), s.get("class_name"), d + " " + e.getKey());
                assertEquals(k.get("config"), s.get("config"), d + " " + e.getKey());
                if (d == Dialect.KERAS3) {
                    assertEquals(k.get("module"), s.get("module"), d + " " + e.getKey());
                } else {
                    assertTrue(!s.has("module"), d + " " + e.getKey() + ": tf.keras objects carry no module: " + s);
                }
            }
        }
    }

    /**
     * Every non-null {@code *_constraint} value in a model document, keyed by the name of the layer whose config
     * holds it (so a Bidirectional's {@code forward_gru} and {@code backward_gru} count separately) and the field.
     */
    private static Map<String, JsonNode> constraintFields(JsonNode model) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        collect(model, "", out);
        return out;
    }

    private static void collect(JsonNode node, String layer, Map<String, JsonNode> out) {
        if (node.isArray()) {
            node.forEach(e -> collect(e, layer, out));
        } else if (node.isObject()) {
            String here = node.path("name").isTextual() ? node.get("name").asText() : layer;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!f.getKey().endsWith("_constraint")) {
                    collect(f.getValue(), here, out);
                } else if (!f.getValue().isNull()) {
                    out.put(here + "." + f.getKey(), f.getValue());
                }
            }
        }
    }

    /**
     * Keras paths RNN weights through cells ({@code lstm/lstm_cell/kernel}, {@code bi/forward_gru/gru_cell/bias});
     * Strata has no cell level and prefixes a Bidirectional's copies ({@code lstm/kernel}, {@code bi/forward_bias}).
     */
    private static WeightSet weights(JsonNode list) {
        Map<String, WeightSet.Entry> m = new LinkedHashMap<>();
        for (JsonNode w : list) {
            String path = w.get("path").asText().replaceAll("/(forward|backward)_[a-z_]+?/[a-z_]+_cell/", "/$1_")
                    .replaceAll("/[a-z_]+_cell/", "/");
            m.put(Golden.strataName(path), new WeightSet.Entry(Golden.shape(w), Golden.floats(w)));
        }
        return new WeightSet(m);
    }

    /** The whole data set as one batch; an example's shape is the fixture tensor's shape without the batch. */
    private static Dataset data(JsonNode c) {
        return Dataset.of(Golden.floats(c.get("x")), example(c.get("x")), Golden.floats(c.get("y")),
                example(c.get("y")));
    }

    private static TensorShape example(JsonNode tensor) {
        long[] shape = Golden.shape(tensor);
        return TensorShape.of(Arrays.stream(shape, 1, shape.length).mapToInt(Math::toIntExact).toArray());
    }

    @AfterAll
    static void summary() {
        Golden.Checker.printSummary(FIXTURE);
    }
}
