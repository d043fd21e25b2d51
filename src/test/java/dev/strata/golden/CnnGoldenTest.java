package dev.strata.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.graph.WeightSet;
import dev.strata.json.ModelJson;
import dev.strata.spec.Loss;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import dev.strata.train.ModelOptions;
import dev.strata.train.RegularizationValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A small regularized CNN (Conv2D + BatchNormalization + MaxPooling2D + Dropout + Dense, L2 on every kernel, L1
 * on the conv bias, gamma and beta regularizers) against real Keras 3 ({@code tools/keras-golden/cnn.py}) on the
 * same weights and data: inference output (moving statistics, no dropout), each penalty by its Keras name, the
 * evaluate loss, and one SGD and one Adam step's weights, moving statistics included, and reported loss. Keras
 * trains a twin whose Dropout has rate 0; Strata trains the rate-0.25 model with training noise off.
 */
class CnnGoldenTest {
    private static final JsonNode F = Golden.load("cnn.json");

    private static ModelSpec spec() {
        return ModelJson.read(F.get("model_json").asText()).spec();
    }

    private static Dataset data() {
        return Dataset.of(Golden.floats(F.get("x")), TensorShape.of(8, 8, 1), Golden.floats(F.get("y")),
                TensorShape.of(3));
    }

    private static Model compile(TrainingConfig config) {
        Model m = Model.compile(spec(), config, ModelOptions.defaults().trainingNoise(false));
        m.setWeights(Golden.weights(F.get("initial_weights")));
        return m;
    }

    @Test
    void inferenceOutputPenaltiesAndEvaluateMatchKeras() {
        try (Model m = compile(TrainingConfig.of(dev.strata.spec.Optimizer.sgd(0.1), Loss.categoricalCrossentropy()))) {
            float[][] predicted = m.predict(data(), 6);
            assertClose("predict", Golden.floats(F.get("predict")), flatten(predicted), 1e-5);

            List<RegularizationValue> losses = m.losses();
            List<String> names = new ArrayList<>();
            F.get("penalties").forEach(p -> names.add(Golden.strataName(p.get("path").asText()) + "_regularizer"));
            assertEquals(List.of("conv/kernel_regularizer", "conv/bias_regularizer", "bn/gamma_regularizer",
                    "bn/beta_regularizer", "out/kernel_regularizer"), names);
            assertEquals(names, losses.stream().map(RegularizationValue::name).toList());
            for (int i = 0; i < names.size(); i++) {
                assertClose(names.get(i), new float[] {(float) F.get("penalties").get(i).get("value").asDouble()},
                        new float[] {(float) losses.get(i).value()}, 1e-5);
            }
            assertClose("evaluate loss", new float[] {(float) F.get("evaluate_loss").asDouble()},
                    new float[] {(float) m.evaluate(data(), 6).loss()}, 1e-5);
        }
    }

    @Test
    void oneTrainingStepMatchesKerasWeightsAndMovingStatistics() {
        for (JsonNode step : F.get("steps")) {
            String name = step.get("name").asText();
            TrainingConfig config = TrainingConfig.of(Golden.optimizer(step.get("optimizer")),
                    Loss.categoricalCrossentropy());
            try (Model m = compile(config)) {
                WeightSet before = m.weights();
                History h = m.fit(data(), FitOptions.epochs(1).batchSize(6).shuffle(false).quiet());
                assertClose(name + ": reported loss", new float[] {(float) step.get("reported_loss").asDouble()},
                        new float[] {(float) h.get("loss")[0]}, 1e-5);
                WeightSet after = m.weights();
                WeightSet want = Golden.weights(step.get("weights_after"));
                assertEquals(want.entries().keySet(), after.entries().keySet());
                for (String w : want.entries().keySet()) {
                    assertClose(name + ": " + w, want.values(w), after.values(w), 1e-5);
                    assertFalse(java.util.Arrays.equals(before.values(w), after.values(w)),
                            name + ": " + w + " did not change");
                }
            }
        }
    }

    @Test
    void withTrainingNoiseTheDropoutStepDiffersFromTheNoiselessOne() {
        TrainingConfig config = TrainingConfig.of(dev.strata.spec.Optimizer.sgd(0.1), Loss.categoricalCrossentropy());
        try (Model noisy = Model.compile(spec(), config, ModelOptions.defaults());
             Model quiet = compile(config)) {
            noisy.setWeights(Golden.weights(F.get("initial_weights")));
            double a = noisy.fit(data(), FitOptions.epochs(1).batchSize(6).shuffle(false).quiet()).get("loss")[0];
            double b = quiet.fit(data(), FitOptions.epochs(1).batchSize(6).shuffle(false).quiet()).get("loss")[0];
            assertFalse(a == b, "dropout changes the training loss: " + a + " vs " + b);
        }
    }

    private static float[] flatten(float[][] rows) {
        float[] out = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * rows[0].length, rows[0].length);
        }
        return out;
    }

    static void assertClose(String what, float[] want, float[] got, double rel) {
        assertEquals(want.length, got.length, what);
        double scale = 1e-6;
        for (float v : want) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < want.length; i++) {
            if (Math.abs(want[i] - got[i]) > rel * scale) {
                fail(what + "[" + i + "]: " + got[i] + ", Keras " + want[i] + " (scale " + scale + ")");
            }
        }
    }
}
