package dev.strata.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.json.ModelJson;
import dev.strata.json.ReadResult;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ties.json}: one SGD step from weights that put a loss or an activation exactly on a kink (a logit of
 * exactly 0 under binary crossentropy, a zero error under MAE, probabilities exactly 0 and 1, every activation's
 * kinks at -3, -1, -0.5, 0, 0.5, 1, 3 and 6). TensorFlow's gradient there is a choice each op makes; Strata must
 * make Keras's. Model, loss and optimizer come from Keras's own {@code model.to_json()}.
 *
 * <p>Tolerance: 1e-6 relative with a 1e-9 absolute floor on the loss and outputs, 1e-8 on the weights after the
 * step (zero-initialized weights become {@code -0.1 * g}; a wrong subgradient moves them by 0.01 or more).
 */
class TiesGoldenTest {
    private static final String FIXTURE = "ties.json";
    private static final double REL = 1e-6;

    static Stream<Arguments> lossTies() {
        return named("loss_ties");
    }

    static Stream<Arguments> activationTies() {
        return named("activation_ties");
    }

    private static Stream<Arguments> named(String key) {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : Golden.load(FIXTURE).get(key)) {
            out.add(Arguments.of(c.get("name").asText(), c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lossTies")
    void lossAtItsKinkStepsAsKeras(String name, JsonNode c) {
        oneStep(name, c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activationTies")
    void activationAtItsKinksStepsAsKeras(String name, JsonNode c) {
        oneStep(name, c);
    }

    /**
     * The repro in plain numbers: logistic regression from zero weights, logit 0 for all four examples.
     * Keras's gradient is {@code mean(x * (sigmoid(0) - y))}: bias 0, kernel [-0.3125, 0.5625]. The formula
     * {@code max(z, 0) - z * y + log1p(exp(-|z|))} differentiated op by op at z = 0 gives {@code 1 - y} instead:
     * bias 0.5, kernel [0, 1], which this pins as wrong.
     */
    @Test
    void logisticRegressionFromZeroWeightsTakesKerasFirstStep() {
        JsonNode c = Golden.load(FIXTURE).get("loss_ties").get(0);
        assertEquals("bce after Dense(sigmoid), zero weights", c.get("name").asText());
        float[] kerasKernelGrad = Golden.floats(c.get("gradients").get(0));
        float[] kerasBiasGrad = Golden.floats(c.get("gradients").get(1));
        assertEquals(-0.3125f, kerasKernelGrad[0]);
        assertEquals(0.5625f, kerasKernelGrad[1]);
        assertEquals(0f, kerasBiasGrad[0]);
        try (Model m = compile(c)) {
            m.fit(data(c), FitOptions.epochs(1).batchSize(4).shuffle(false).quiet());
            // Zero weights: one step of SGD(0.1) leaves exactly -0.1 * gradient, rounded once to float32.
            float[] kernel = m.weights().values("dense/kernel");
            float[] bias = m.weights().values("dense/bias");
            assertEquals(-0.1f * -0.3125f, kernel[0], "kernel[0]: Keras -0.1 * -0.3125 (a 0 gradient leaves 0)");
            assertEquals(-0.1f * 0.5625f, kernel[1], "kernel[1]: Keras -0.1 * 0.5625 (1 - y would give -0.1)");
            assertEquals(0f, bias[0], "bias: Keras 0 (1 - y would give -0.05)");
        }
    }

    private static Model compile(JsonNode c) {
        ReadResult r = ModelJson.read(c.get("model_json").asText());
        Model m = Model.compile(r.spec(), r.training().orElseThrow());
        m.setWeights(Golden.weights(c.get("initial_weights")));
        return m;
    }

    private static Dataset data(JsonNode c) {
        return Golden.dataset(c.get("x"), c.get("y"));
    }

    private static void oneStep(String name, JsonNode c) {
        Golden.Checker check = new Golden.Checker(FIXTURE);
        Dataset data = data(c);
        try (Model m = compile(c)) {
            check.close(name + " output", Golden.floats(c.get("output")),
                    LossesGoldenTest.flat(m.predict(Golden.matrix(c.get("x")))), REL, 1e-9);
            History h = m.fit(data, FitOptions.epochs(1).batchSize(data.size()).shuffle(false).quiet());
            check.close(name + " loss", c.get("loss_value").asDouble(), h.get("loss")[0], REL, 1e-9);
            check.weights(name + " weights after one step", Golden.weights(c.get("weights_after")), m.weights(), REL,
                    1e-8);
        }
        check.verify(name);
    }

    @AfterAll
    static void summary() {
        Golden.Checker.printSummary(FIXTURE);
    }
}
