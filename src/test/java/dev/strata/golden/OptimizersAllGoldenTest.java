package dev.strata.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.graph.WeightSet;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Dense;
import dev.strata.train.Callback;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.FitPlan;
import dev.strata.train.Model;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code optimizers_all.json} (tools/keras-golden/optimizers_all.py): every Keras 3 optimizer, plain, with a kernel
 * L2(0.05), with clipnorm 0.5, with a learning-rate schedule and with its own options, plus global_clipnorm,
 * clipvalue, weight decay under a schedule and use_ema with and without ema_overwrite_frequency. One Strata
 * {@code fit} (20 rows, batch 4, no shuffle: five steps) against Keras's: after every step the running-mean loss
 * and every weight, after {@code fit} the weights again (the moving averages with use_ema), and the step count.
 *
 * <p>Tolerance, every case: 1e-6 relative, with a 1e-8 absolute floor for weights passing near zero (an update
 * {@code w - delta} with |w| ~ 0.5 is exact only to ~3e-8 absolute in float32) and 1e-9 for losses. The observed
 * maxima per optimizer print with the test.
 */
class OptimizersAllGoldenTest {
    static final String FIXTURE = "optimizers_all.json";
    static final String OPTIONS_FIXTURE = "optimizer_options.json";
    private static final double REL = 1e-6;
    private static final double ABS_WEIGHT = 1e-8;
    private static final double ABS_LOSS = 1e-9;

    /** (name, fixture, case) of both fixtures: they share model, data and layout. */
    static Stream<Arguments> cases() {
        return Stream.of(FIXTURE, OPTIONS_FIXTURE).flatMap(file -> Golden.cases(file)
                .map(a -> Arguments.of(a.get()[0], file, a.get()[1])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fiveStepsMatchKeras(String name, String file, JsonNode c) {
        JsonNode f = Golden.load(file);
        Optimizer optimizer = GoldenOptimizers.of(c.get("optimizer"));
        assertEquals(c.get("optimizer").get("class_name").asText(), optimizer.kerasClassName());
        Golden.Checker check = new Golden.Checker(file);
        List<WeightSet> afterStep = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        try (Model m = Model.compile(spec(c), TrainingConfig.of(optimizer, Loss.meanSquaredError()))) {
            m.setWeights(initialWeights(f));
            Dataset data = Golden.dataset(f.get("x"), f.get("y"));
            m.fit(data, FitOptions.epochs(1).batchSize(f.get("batch_size").asInt()).shuffle(false).quiet()
                    .callbacks(recorder(afterStep, losses)));
            JsonNode steps = c.get("steps");
            assertEquals(steps.size(), afterStep.size(), "steps taken");
            for (int i = 0; i < steps.size(); i++) {
                JsonNode step = steps.get(i);
                String s = name + " step " + step.get("step").asInt();
                check.close(s + " loss (running mean)", (float) step.get("loss_running_mean").asDouble(),
                        losses.get(i), REL, ABS_LOSS);
                check.weights(s + " weights", weights(step.get("weights_after")), afterStep.get(i), REL, ABS_WEIGHT);
            }
            JsonNode finalWeights = c.get("weights_after_fit").isNull() ? steps.get(steps.size() - 1)
                    .get("weights_after") : c.get("weights_after_fit");
            check.weights(name + " after fit", weights(finalWeights), m.weights(), REL, ABS_WEIGHT);
            assertEquals(c.get("iterations").asLong(), m.step(), "optimizer iterations");
        }
        check.verify(name);
    }

    static Sequential spec(JsonNode c) {
        Dense dense = Dense.units(3);
        if (!c.get("kernel_regularizer").isNull()) {
            dense = dense.kernelRegularizer(Golden.regularizer(c.get("kernel_regularizer")));
        }
        return Sequential.named("opt_model").input(4).add(dense);
    }

    /** Records the weights and the running loss after every batch, as the fixture's Keras callback did. */
    static Callback recorder(List<WeightSet> weights, List<Double> losses) {
        return new Callback() {
            private Model model;

            @Override
            public void onTrainBegin(Model model, FitPlan plan) {
                this.model = model;
            }

            @Override
            public void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {
                weights.add(model.weights());
                losses.add(logs.get("loss"));
            }
        };
    }

    static WeightSet initialWeights(JsonNode f) {
        return new WeightSet(Map.of(
                "dense/kernel", new WeightSet.Entry(Golden.shape(f.get("kernel")), Golden.floats(f.get("kernel"))),
                "dense/bias", new WeightSet.Entry(Golden.shape(f.get("bias")), Golden.floats(f.get("bias")))));
    }

    /** {@code {"opt_model/dense/kernel": [12 values], ".../bias": [3]}} as Strata weights. */
    static WeightSet weights(JsonNode byPath) {
        Map<String, WeightSet.Entry> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = byPath.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = Golden.strataName(e.getKey());
            float[] values = new float[e.getValue().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) e.getValue().get(i).asDouble();
            }
            out.put(name, new WeightSet.Entry(name.endsWith("kernel") ? new long[] {4, 3} : new long[] {3}, values));
        }
        return new WeightSet(out);
    }

    @AfterAll
    static void summary() {
        Golden.Checker.printSummary(FIXTURE);
        Golden.Checker.printSummary(OPTIONS_FIXTURE);
    }
}
