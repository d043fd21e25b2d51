package dev.strata.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.graph.WeightSet;
import dev.strata.spec.Activation;
import dev.strata.spec.layers.ActivationLayer;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.train.Dataset;
import dev.strata.train.Evaluation;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code losses.json}: every Keras 3 loss, computed by Strata as the {@code data_loss} of {@code evaluate}
 * on a model whose output equals {@code y_pred} exactly ({@code Dense(n)} with an identity kernel and zero
 * bias, linear, so plain probabilities get the clipped formulas as Keras's numpy inputs do), plus the
 * softmax/sigmoid cases where Keras 3 scores a probability loss from the activation's logits.
 *
 * <p>Tolerance: 1e-6 relative, 1e-9 absolute near zero (float32 logs and sums over 4 classes and 5
 * examples; the formulas are Keras's, so only summation order differs).
 */
class LossesGoldenTest {
    private static final String FIXTURE = "losses.json";
    private static final double REL = 1e-6;
    private static final double ABS = 1e-9;

    static Stream<Arguments> cases() {
        return Golden.cases(FIXTURE);
    }

    /** {@code Dense(n)} with identity kernel and zero bias, then optionally an activation layer. */
    private static Model passThrough(int n, Activation denseActivation, Activation layerActivation, Loss loss) {
        Sequential spec = Sequential.named("loss_model").input(n).add(Dense.units(n).activation(denseActivation));
        if (layerActivation != null) {
            spec = spec.add(ActivationLayer.of(layerActivation));
        }
        Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(0.1), loss));
        m.setWeights(new WeightSet(Map.of(
                "dense/kernel", new WeightSet.Entry(new long[] {n, n}, flat(Golden.identity(n))),
                "dense/bias", new WeightSet.Entry(new long[] {n}, new float[n]))));
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lossEqualsKeras(String name, JsonNode c) {
        Loss loss = Golden.loss(c.get("loss"));
        float[][] yPred = Golden.matrix(c.get("y_pred"));
        int n = yPred[0].length;
        Dataset data = loss instanceof Loss.SparseCategoricalCrossentropy
                ? Dataset.of(yPred, Golden.ints(c.get("y_true")))
                : Dataset.of(yPred, Golden.matrix(c.get("y_true")));
        Golden.Checker check = new Golden.Checker(FIXTURE);
        try (Model m = passThrough(n, Activation.LINEAR, null, loss)) {
            // The model output is y_pred, bit for bit.
            check.close(name + " model output", flat(yPred), flat(m.predict(yPred)), 0, 0);
            Evaluation whole = m.evaluate(data, data.size());
            check.close(name + " value", (float) c.get("value").asDouble(), whole.dataLoss(), REL, ABS);
            check.close(name + " loss (no penalties)", (float) c.get("value").asDouble(), whole.loss(), REL, ABS);
            JsonNode perSample = c.get("per_sample");
            assertEquals(data.size(), perSample.size());
            for (int i = 0; i < data.size(); i++) {
                check.close(name + " per_sample[" + i + "]", (float) perSample.get(i).asDouble(),
                        m.evaluate(data.slice(i, i + 1), 1).dataLoss(), REL, ABS);
            }
        }
        check.verify(name);
    }

    static Stream<Arguments> activationCases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : Golden.load(FIXTURE).get("activation_logits_cases")) {
            if (c.has("keras_uses")) {
                out.add(Arguments.of(c.get("name").asText(), c));
            }
        }
        return out.stream();
    }

    /**
     * Strata scores {@code from_logits=False} crossentropy after a softmax/sigmoid from that activation's
     * logits, like Keras 3: evaluate, the loss a training step reports, and each example's loss equal Keras's
     * logits numbers (not the clipped ones), for the activation inside the Dense and as its own layer.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("activationCases")
    void probabilityLossAfterAnActivationUsesTheLogits(String name, JsonNode c) {
        assertEquals("logits", c.get("keras_uses").asText(), "fixture: Keras used the logits");
        boolean softmax = name.contains("softmax");
        boolean separateLayer = name.contains("Activation(");
        Activation act = softmax ? Activation.SOFTMAX : Activation.SIGMOID;
        Loss loss = softmax ? Loss.categoricalCrossentropy() : Loss.binaryCrossentropy();
        float[][] logits = Golden.matrix(c.get("x_logits"));
        int n = logits[0].length;
        Dataset data = Dataset.of(logits, Golden.matrix(c.get("y_true")));
        Golden.Checker check = new Golden.Checker(FIXTURE);
        try (Model m = passThrough(n, separateLayer ? Activation.LINEAR : act, separateLayer ? act : null, loss)) {
            check.close(name + " predict", Golden.floats(c.get("predict_probs")), flat(m.predict(logits)), REL, 1e-30);
            Evaluation e = m.evaluate(data, data.size());
            check.close(name + " evaluate_loss", (float) c.get("evaluate_loss").asDouble(), e.dataLoss(), REL, ABS);
            check.close(name + " evaluate total loss", (float) c.get("evaluate_loss").asDouble(), e.loss(), REL, ABS);
            JsonNode perSample = c.get("per_sample_logits_formula");
            for (int i = 0; i < data.size(); i++) {
                check.close(name + " per_sample_logits_formula[" + i + "]", (float) perSample.get(i).asDouble(),
                        m.evaluate(data.slice(i, i + 1), 1).dataLoss(), REL, ABS);
            }
            // The reported loss of one training step is computed before the update, so Keras's SGD(lr=0)
            // train_on_batch number is reproduced with any learning rate.
            History h = m.fit(data, FitOptions.epochs(1).batchSize(data.size()).shuffle(false).quiet());
            check.close(name + " train_on_batch_loss", (float) c.get("train_on_batch_loss").asDouble(),
                    h.get("loss")[0], REL, ABS);
        }
        // Keras's probabilities as plain numbers (no logits behind them) get the clipped formula.
        float[][] probs = Golden.matrix(c.get("predict_probs"));
        Dataset plain = Dataset.of(probs, Golden.matrix(c.get("y_true")));
        try (Model m = passThrough(n, Activation.LINEAR, null, loss)) {
            check.close(name + " loss_on_numpy_probs_clipped_formula",
                    (float) c.get("loss_on_numpy_probs_clipped_formula").asDouble(),
                    m.evaluate(plain, plain.size()).dataLoss(), REL, ABS);
            JsonNode perSample = c.get("per_sample_clipped_formula");
            for (int i = 0; i < plain.size(); i++) {
                check.close(name + " per_sample_clipped_formula[" + i + "]", (float) perSample.get(i).asDouble(),
                        m.evaluate(plain.slice(i, i + 1), 1).dataLoss(), REL, ABS);
            }
        }
        check.verify(name);
    }

    /**
     * The last entry: a bare {@code keras.activations.softmax(z)} fed to {@code CategoricalCrossentropy()} uses
     * the logits (a Strata model whose only layer is the softmax), while a numpy copy of the probabilities gets
     * the clipped formula (the same probabilities fed through an identity Dense, which carries no logits).
     */
    @Test
    void bareSoftmaxUsesLogitsAndACopyOfItsOutputIsClipped() {
        JsonNode c = null;
        for (JsonNode e : Golden.load(FIXTURE).get("activation_logits_cases")) {
            if (!e.has("keras_uses")) {
                c = e;
            }
        }
        float[][] logits = Golden.matrix(c.get("x_logits"));
        float[][] yTrue = Golden.matrix(c.get("y_true"));
        int n = logits[0].length;
        Golden.Checker check = new Golden.Checker(FIXTURE);
        float[][] probs;
        Sequential bare = Sequential.named("softmax_only").input(n).add(ActivationLayer.of(Activation.SOFTMAX));
        try (Model m = Model.compile(bare, TrainingConfig.of(Optimizer.sgd(0.1), Loss.categoricalCrossentropy()))) {
            check.close("loss_on_activation_output", (float) c.get("loss_on_activation_output").asDouble(),
                    m.evaluate(Dataset.of(logits, yTrue), logits.length).dataLoss(), REL, ABS);
            check.close("logits_formula_loss", (float) c.get("logits_formula_loss").asDouble(),
                    m.evaluate(Dataset.of(logits, yTrue), logits.length).dataLoss(), REL, ABS);
        }
        // The same probabilities from a Dense(softmax) identity model (predict on the weightless model above
        // fails: see bareSoftmaxModelPredictsKerasProbabilities).
        try (Model m = passThrough(n, Activation.SOFTMAX, null, Loss.categoricalCrossentropy())) {
            probs = m.predict(logits);
        }
        try (Model copy = passThrough(n, Activation.LINEAR, null, Loss.categoricalCrossentropy())) {
            check.close("loss_on_numpy_copy_of_it", (float) c.get("loss_on_numpy_copy_of_it").asDouble(),
                    copy.evaluate(Dataset.of(probs, yTrue), probs.length).dataLoss(), REL, ABS);
        }
        check.verify("bareSoftmaxUsesLogitsAndACopyOfItsOutputIsClipped");
    }

    /** A model whose only layer is a softmax predicts Keras's probabilities. */
    @Test
    void bareSoftmaxModelPredictsKerasProbabilities() {
        JsonNode c = Golden.load(FIXTURE).get("activation_logits_cases").get(0);
        float[][] logits = Golden.matrix(c.get("x_logits"));
        Sequential bare = Sequential.named("softmax_only").input(logits[0].length)
                .add(ActivationLayer.of(Activation.SOFTMAX));
        try (Model m = Model.compile(bare, TrainingConfig.of(Optimizer.sgd(0.1), Loss.categoricalCrossentropy()))) {
            new Golden.Checker(FIXTURE).close("softmax-only predict", Golden.floats(c.get("predict_probs")),
                    flat(m.predict(logits)), REL, 1e-30).verify("bareSoftmaxModelPredictsKerasProbabilities");
        }
    }

    static float[] flat(float[][] rows) {
        return ActivityGoldenTest.flat(rows);
    }

    @AfterAll
    static void summary() {
        Golden.Checker.printSummary(FIXTURE);
    }
}
