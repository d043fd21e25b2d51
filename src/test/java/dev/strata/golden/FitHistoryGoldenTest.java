package dev.strata.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.graph.RegularizationTerm;
import dev.strata.spec.Activation;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.train.Dataset;
import dev.strata.train.Evaluation;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import dev.strata.train.RegularizationValue;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code fit_history.json}: {@code Input(4) -> Dense(8, relu, kernel L2(0.01), bias L1(0.01), activity
 * L2(0.001)) -> Dense(3, softmax)}, categorical crossentropy + accuracy, SGD(0.05), batch 8, 3 epochs without
 * shuffling, validation on 6 samples. The whole run must reproduce Keras: per-batch running means, the
 * history (loss, accuracy, val_loss, val_accuracy), the final weights, evaluate, and {@code model.losses}.
 *
 * <p>Tolerance: 1e-6 relative for losses, metrics and weights (nine SGD steps in float32; summation order
 * differs from Keras's, so not bit-exact), with absolute floors of 1e-9 for losses and 1e-8 for weights that
 * end near zero (see OptimizersGoldenTest).
 */
class FitHistoryGoldenTest {
    private static final String FIXTURE = "fit_history.json";
    private static final double REL = 1e-6;
    private static final double ABS = 1e-9;
    private static final double ABS_WEIGHT = 1e-8;

    /** The fixture's model, built from its layer summary. */
    static Sequential spec(JsonNode f) {
        JsonNode hidden = f.get("model").get("layers").get(0);
        JsonNode output = f.get("model").get("layers").get(1);
        assertEquals("Dense", hidden.get("class").asText());
        assertEquals("Dense", output.get("class").asText());
        assertEquals("fit_model", f.get("model").get("json").get("config").get("name").asText());
        return Sequential.named("fit_model").input(f.get("model").get("input_dim").asInt())
                .add(Dense.units(hidden.get("units").asInt()).name(hidden.get("name").asText())
                        .activation(Activation.fromKerasName(hidden.get("activation").asText()))
                        .kernelRegularizer(Golden.regularizer(hidden.get("kernel_regularizer")))
                        .biasRegularizer(Golden.regularizer(hidden.get("bias_regularizer")))
                        .activityRegularizer(Golden.regularizer(hidden.get("activity_regularizer"))))
                .add(Dense.units(output.get("units").asInt()).name(output.get("name").asText())
                        .activation(Activation.fromKerasName(output.get("activation").asText())));
    }

    @Test
    void fitHistoryWeightsEvaluateAndLossesMatchKeras() {
        JsonNode f = Golden.load(FIXTURE);
        assertEquals("categorical_crossentropy", f.get("compile").get("loss").asText());
        assertEquals("accuracy", f.get("compile").get("metrics").get(0).asText());
        JsonNode args = f.get("fit_args");
        int batch = args.get("batch_size").asInt();
        assertEquals(batch, args.get("validation_batch_size").asInt(),
                "Strata validates with the fit batch size; the fixture used the same");
        TrainingConfig config = TrainingConfig.of(Golden.optimizer(f.get("compile").get("optimizer")),
                Loss.categoricalCrossentropy(), Metric.ACCURACY);
        Dataset train = Golden.dataset(f.get("x"), f.get("y"));
        Dataset val = Golden.dataset(f.get("x_val"), f.get("y_val"));
        Golden.Checker check = new Golden.Checker(FIXTURE);
        try (Model m = Model.compile(spec(f), config)) {
            m.setWeights(Golden.weights(f.get("initial_weights")));
            ActivityGoldenTest.BatchLogs batches = new ActivityGoldenTest.BatchLogs();
            History h = m.fit(train, FitOptions.epochs(args.get("epochs").asInt()).batchSize(batch)
                    .shuffle(args.get("shuffle").asBoolean()).validationData(val).quiet().callbacks(batches));

            JsonNode running = f.get("batch_logs_running_mean");
            assertEquals(running.size(), batches.logs.size(), "batch callbacks");
            for (int i = 0; i < running.size(); i++) {
                JsonNode k = running.get(i);
                String where = "epoch " + k.get("epoch").asInt() + " batch " + k.get("batch").asInt();
                assertEquals(k.get("epoch").asInt(), batches.epochBatch.get(i)[0]);
                assertEquals(k.get("batch").asInt(), batches.epochBatch.get(i)[1]);
                check.close(where + " running loss", (float) k.get("loss").asDouble(),
                        batches.logs.get(i).get("loss"), REL, ABS);
                check.close(where + " running accuracy", (float) k.get("accuracy").asDouble(),
                        batches.logs.get(i).get("accuracy"), REL, ABS);
            }

            JsonNode history = f.get("history");
            assertEquals(args.get("epochs").asInt(), h.size());
            for (String key : List.of("loss", "accuracy", "val_loss", "val_accuracy")) {
                check.close("history " + key, Golden.floats(history.get(key)), toFloats(h.get(key)), REL, ABS);
            }

            check.weights("final weights", Golden.weights(f.get("final_weights")), m.weights(), REL, ABS_WEIGHT);

            JsonNode ev = f.get("evaluate");
            Evaluation e = m.evaluate(val, ev.get("batch_size").asInt());
            check.close("evaluate loss", (float) ev.get("loss").asDouble(), e.loss(), REL, ABS);
            check.close("evaluate accuracy", (float) ev.get("accuracy").asDouble(), e.get("accuracy"), REL, ABS);
            JsonNode split = f.get("evaluate_data_loss");
            check.close("evaluate data_loss (Keras logits path)", (float) split.get("logits_path").asDouble(),
                    e.dataLoss(), REL, ABS);
            check.close("evaluate regularization_loss (Keras penalties_sum)",
                    (float) split.get("penalties_sum").asDouble(), e.regularizationLoss(), REL, ABS);

            // model.losses after model(x_val, training=False): activity first, then kernel, then bias.
            List<RegularizationValue> losses = m.losses(Golden.matrix(f.get("x_val")), false);
            JsonNode attributed = f.get("final_model_losses_attributed");
            JsonNode values = f.get("final_model_losses");
            assertEquals(values.size(), losses.size(), "model.losses entries: " + losses);
            for (int i = 0; i < values.size(); i++) {
                JsonNode a = attributed.get(i);
                RegularizationValue v = losses.get(i);
                if (a.get("kind").asText().equals("activity")) {
                    assertEquals(RegularizationTerm.Kind.ACTIVITY, v.kind());
                    assertEquals(a.get("layer").asText(), v.layer());
                } else {
                    String weight = Golden.strataName(a.get("path").asText());
                    assertEquals(weight + "_regularizer", v.name());
                }
                check.close("model.losses[" + i + "] " + v.name(), (float) values.get(i).asDouble(), v.value(),
                        REL, ABS);
            }
        }
        check.verify("fitHistoryWeightsEvaluateAndLossesMatchKeras");
    }

    private static float[] toFloats(double[] d) {
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (float) d[i];
        }
        return out;
    }

    @AfterAll
    static void summary() {
        Golden.Checker.printSummary(FIXTURE);
    }
}
