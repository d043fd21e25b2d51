package dev.strata.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.graph.WeightSet;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import dev.strata.train.ModelOptions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code optimizers.json}: three Keras {@code train_on_batch} steps on the same batch of 6, reproduced in
 * Strata by three {@code fit} calls of one epoch with the whole batch and no shuffling (the optimizer state
 * and step counter carry over between fits). After each step: the reported loss (computed before the update,
 * penalties included), its data-loss / penalty split, and every weight.
 *
 * <p>Tolerance: 1e-6 relative, with a 1e-8 absolute floor for weights that pass near zero (an update
 * {@code w - lr * g} with |w| ~ 0.1 is exact only to ~7e-9 absolute in float32). SGD, momentum, Nesterov,
 * weight decay and the L2 penalty meet it (observed: bit-exact except SGD weight decay, 1e-7 relative).
 *
 * <p>Adam and AdamW are held to the same bound. TensorFlow's fused {@code ResourceApplyAdam} would not meet
 * it: it computes {@code 1 - beta} in float32 ({@code 1 - 0.999f = 9.9998713e-4}) where Keras 3 multiplies by
 * {@code float32(1 - 0.999) = 1e-3}, making each step ~6.6e-6 relative larger, so Strata writes Keras's update
 * out op by op (the fused kernel stays available as {@code CompileOptions.fusedAdam}).
 * {@link #adamStepOneIsExplainedToTheLastFloat} recomputes step 1 by hand both ways and pins Strata to Keras's.
 */
class OptimizersGoldenTest {
    private static final String FIXTURE = "optimizers.json";
    private static final double REL = 1e-6;
    private static final double ABS_LOSS = 1e-9;
    private static final double ABS_WEIGHT = 1e-8;

    static Stream<Arguments> cases() {
        return Golden.cases(FIXTURE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void threeStepsMatchKeras(String name, JsonNode c) {
        runThreeSteps(name, c, false);
    }

    static Stream<Arguments> adamCases() {
        return cases().filter(a -> ((JsonNode) a.get()[1]).get("optimizer").get("class_name").asText()
                .startsWith("Adam"));
    }

    /** The strict bound, Adam only, named apart so a regression points straight at the update rule. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("adamCases")
    void adamWeightsMatchKerasToOneInAMillion(String name, JsonNode c) {
        runThreeSteps(name + " (strict)", c, true);
    }

    /**
     * Adam/AdamW step 1 recomputed in float32 from Keras's own initial gradients, two ways: Keras 3's
     * composed update ({@code m += (g - m) * float32(1 - beta_1)}, {@code v += (g^2 - v) * float32(1 - beta_2)},
     * {@code alpha = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t)}, {@code w -= m * alpha / (sqrt(v) + eps)},
     * decoupled decay {@code w -= w * wd * lr} first) must give Keras's weights, and so must Strata, to 1e-6
     * relative; the fused-kernel variant ({@code 1 - beta} in float32) must differ from it beyond that bound.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("adamCases")
    void adamStepOneIsExplainedToTheLastFloat(String name, JsonNode c) {
        JsonNode f = Golden.load(FIXTURE);
        JsonNode cfg = c.get("optimizer").get("config");
        float lr = (float) cfg.get("learning_rate").asDouble();
        double wd = cfg.get("weight_decay").isNull() ? 0 : cfg.get("weight_decay").asDouble();
        double beta1 = cfg.get("beta_1").asDouble();
        double beta2 = cfg.get("beta_2").asDouble();
        float eps = (float) cfg.get("epsilon").asDouble();
        WeightSet initial = initialWeights(f);
        WeightSet kerasAfter = Golden.weights(c.get("steps").get(0).get("weights_after"));
        Golden.Checker formula = new Golden.Checker(FIXTURE);
        Golden.Checker keras = new Golden.Checker(FIXTURE);
        Golden.Checker fused = new Golden.Checker(FIXTURE);
        WeightSet strata = oneStep(f, c, initial, false);
        WeightSet strataFused = oneStep(f, c, initial, true);
        for (JsonNode grad : c.get("initial_gradients")) {
            String w = Golden.strataName(grad.get("path").asText());
            float[] g = Golden.floats(grad);
            float[] w0 = initial.values(w);
            float[] viaKeras = adamStep(w0, g, lr, wd, beta1, beta2, eps, false);
            float[] viaFused = adamStep(w0, g, lr, wd, beta1, beta2, eps, true);
            assertTrue(maxRelative(viaFused, viaKeras) > 1e-6, "the two formulas must differ for this check to mean anything");
            formula.close(name + " Keras formula vs Keras " + w, kerasAfter.values(w), viaKeras, REL, 1e-9);
            keras.close(name + " Strata vs Keras formula " + w, viaKeras, strata.values(w), REL, 1e-9);
            fused.close(name + " Strata fusedAdam vs fused-kernel formula " + w, viaFused, strataFused.values(w), REL,
                    1e-9);
        }
        formula.verify(name + ": the fixture is Keras's composed Adam update");
        keras.verify(name + ": Strata = Keras formula");
        fused.verify(name + ": ModelOptions.fusedAdam = TensorFlow's fused kernel (float32 1 - beta)");
    }

    private static WeightSet oneStep(JsonNode f, JsonNode c, WeightSet initial, boolean fusedAdam) {
        try (Model m = Model.compile(Sequential.named("opt_model").input(4).add(Dense.units(3)),
                TrainingConfig.of(Golden.optimizer(c.get("optimizer")), Loss.meanSquaredError()),
                ModelOptions.defaults().fusedAdam(fusedAdam))) {
            m.setWeights(initial);
            Dataset batch = Golden.dataset(f.get("x"), f.get("y"));
            m.fit(batch, FitOptions.epochs(1).batchSize(batch.size()).shuffle(false).quiet());
            return m.weights();
        }
    }

    private static double maxRelative(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-9));
        }
        return max;
    }

    /** One Adam step from zero slots at t = 1, in float32, Keras's way or the fused kernel's. */
    static float[] adamStep(float[] w0, float[] g, float lr, double wd, double beta1, double beta2, float eps,
                            boolean float32OneMinusBeta) {
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float oneMinusB1 = float32OneMinusBeta ? 1f - b1 : (float) (1 - beta1);
        float oneMinusB2 = float32OneMinusBeta ? 1f - b2 : (float) (1 - beta2);
        float b1Power = b1; // beta_1 ** 1
        float b2Power = b2;
        float alpha = lr * (float) Math.sqrt(1f - b2Power) / (1f - b1Power);
        float wdf = (float) wd;
        float[] out = new float[w0.length];
        for (int i = 0; i < w0.length; i++) {
            float w = w0[i];
            if (wd > 0) {
                w = w - w * wdf * lr;
            }
            float m = (g[i] - 0f) * oneMinusB1;
            float v = (g[i] * g[i] - 0f) * oneMinusB2;
            out[i] = w - m * alpha / ((float) Math.sqrt(v) + eps);
        }
        return out;
    }

    private static WeightSet initialWeights(JsonNode f) {
        return new WeightSet(Map.of(
                "dense/kernel", new WeightSet.Entry(Golden.shape(f.get("kernel")), Golden.floats(f.get("kernel"))),
                "dense/bias", new WeightSet.Entry(Golden.shape(f.get("bias")), Golden.floats(f.get("bias")))));
    }

    /** Absolute floor for weights: 1e-8 for every optimizer (class doc). */
    private static double weightFloor(Optimizer optimizer, int step, boolean strict) {
        return ABS_WEIGHT;
    }

    private void runThreeSteps(String name, JsonNode c, boolean strict) {
        JsonNode f = Golden.load(FIXTURE);
        assertEquals("mean_squared_error", f.get("model").get("loss").asText());
        Dense dense = Dense.units(3);
        if (!c.get("kernel_regularizer").isNull()) {
            dense = dense.kernelRegularizer(Golden.regularizer(c.get("kernel_regularizer")));
        }
        Sequential spec = Sequential.named("opt_model").input(4).add(dense);
        Optimizer optimizer = Golden.optimizer(c.get("optimizer"));
        assertEquals(c.get("optimizer").get("class_name").asText(), optimizer.kerasClassName());
        Dataset batch = Golden.dataset(f.get("x"), f.get("y"));
        Golden.Checker check = new Golden.Checker(FIXTURE);
        try (Model m = Model.compile(spec, TrainingConfig.of(optimizer, Loss.meanSquaredError()))) {
            m.setWeights(initialWeights(f));
            for (JsonNode step : c.get("steps")) {
                String s = name + " step " + step.get("step").asInt();
                History h = m.fit(batch, FitOptions.epochs(1).batchSize(batch.size()).shuffle(false).quiet());
                double penalties = 0;
                for (JsonNode p : step.get("penalties_before")) {
                    penalties += p.asDouble();
                }
                check.close(s + " reported_loss", (float) step.get("reported_loss").asDouble(), h.get("loss")[0],
                        REL, ABS_LOSS);
                check.close(s + " data_loss_before", (float) step.get("data_loss_before").asDouble(),
                        h.get("data_loss")[0], REL, ABS_LOSS);
                check.close(s + " penalties_before", penalties, h.get("regularization_loss")[0], REL, ABS_LOSS);
                check.weights(s + " weights_after", Golden.weights(step.get("weights_after")), m.weights(), REL,
                        weightFloor(optimizer, step.get("step").asInt(), strict));
                assertEquals(step.get("step").asLong(), m.step(), "optimizer iterations");
            }
        }
        check.verify(name);
    }

    /** Strata's default optimizers carry Keras 3's default hyperparameters (learning rates as float32). */
    @Test
    void defaultsMatchKeras() {
        JsonNode d = Golden.load(FIXTURE).get("defaults");
        JsonNode sgd = d.get("SGD");
        Optimizer.Sgd s = Optimizer.sgd();
        assertEquals((float) sgd.get("learning_rate").asDouble(), (float) s.learningRate());
        assertEquals(sgd.get("momentum").asDouble(), s.momentum());
        assertEquals(sgd.get("nesterov").asBoolean(), s.nesterov());
        assertTrue(sgd.get("weight_decay").isNull(), "Keras SGD has no weight decay by default");
        assertEquals(0.0, s.weightDecay());
        assertEquals("SGD", s.kerasClassName());

        JsonNode adam = d.get("Adam");
        Optimizer.Adam a = Optimizer.adam();
        assertEquals((float) adam.get("learning_rate").asDouble(), (float) a.learningRate());
        assertEquals(adam.get("beta_1").asDouble(), a.beta1());
        assertEquals(adam.get("beta_2").asDouble(), a.beta2());
        assertEquals(adam.get("epsilon").asDouble(), a.epsilon());
        assertEquals(0.0, a.weightDecay());
        assertEquals("Adam", a.kerasClassName());

        JsonNode adamW = d.get("AdamW");
        Optimizer.Adam w = Optimizer.adamW(0.001);
        assertEquals((float) adamW.get("learning_rate").asDouble(), (float) w.learningRate());
        assertEquals(adamW.get("beta_1").asDouble(), w.beta1());
        assertEquals(adamW.get("beta_2").asDouble(), w.beta2());
        assertEquals(adamW.get("epsilon").asDouble(), w.epsilon());
        assertEquals(adamW.get("weight_decay").asDouble(), w.weightDecay());
        assertEquals("AdamW", w.kerasClassName());
    }

    @AfterAll
    static void summary() {
        Golden.Checker.printSummary(FIXTURE);
    }
}
