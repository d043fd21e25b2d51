package dev.strata.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.graph.RegularizationTerm;
import dev.strata.graph.WeightSet;
import dev.strata.spec.Activation;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Regularizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.train.Callback;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import dev.strata.train.RegularizationValue;
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
 * {@code activity.json}: an activity regularizer on {@code Dense(3, relu)}. Keras 3 adds the penalty of the
 * layer output divided by the batch size, in training and in inference mode; and a 1-epoch fit with batches of
 * 4, 4, 2 reports the batch-size-weighted mean of the per-batch totals and ends at Keras's weights.
 *
 * <p>Tolerance: 1e-6 relative, 1e-9 absolute near zero, for penalties, losses and predictions (float32 sums
 * of a few terms). Final weights after three SGD steps: 1e-6 relative with a 1e-8 absolute floor for weights
 * that end near zero, where the update's cancellation leaves only absolute float32 accuracy (~ulp of the
 * weight's magnitude before the update, about 6e-8 at 0.5).
 */
class ActivityGoldenTest {
    private static final String FIXTURE = "activity.json";
    private static final double REL = 1e-6;
    private static final double ABS = 1e-9;

    static Stream<Arguments> callCases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : Golden.load(FIXTURE).get("call_cases")) {
            out.add(Arguments.of(c.get("name").asText(), c));
        }
        return out.stream();
    }

    private static Sequential spec(Regularizer activity) {
        return Sequential.named("activity_model").input(4)
                .add(Dense.units(3).activation(Activation.RELU).activityRegularizer(activity));
    }

    private static WeightSet fixtureWeights(JsonNode fixture) {
        return new WeightSet(Map.of(
                "dense/kernel", new WeightSet.Entry(Golden.shape(fixture.get("kernel")), Golden.floats(fixture.get("kernel"))),
                "dense/bias", new WeightSet.Entry(Golden.shape(fixture.get("bias")), Golden.floats(fixture.get("bias")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callCases")
    void modelLossesMatchKerasInTrainingAndInference(String name, JsonNode c) {
        JsonNode fixture = Golden.load(FIXTURE);
        float[][] x = Golden.matrix(c.get("x"));
        assertEquals(c.get("batch_size").asInt(), x.length);
        Golden.Checker check = new Golden.Checker(FIXTURE);
        try (Model m = Model.compile(spec(Golden.regularizer(c.get("activity_regularizer"))),
                TrainingConfig.of(Optimizer.sgd(), Loss.meanSquaredError()))) {
            m.setWeights(fixtureWeights(fixture));
            // The relu output the penalty is taken on.
            float[][] out = m.predict(x);
            check.close(name + " output", Golden.floats(c.get("output")), flat(out), REL, ABS);
            for (boolean training : new boolean[] {true, false}) {
                List<RegularizationValue> losses = m.losses(x, training);
                JsonNode keras = c.get(training ? "model_losses_training" : "model_losses_inference");
                assertEquals(keras.size(), losses.size(), "model.losses entries, training=" + training);
                assertEquals(RegularizationTerm.Kind.ACTIVITY, losses.get(0).kind());
                assertEquals("dense/activity_regularizer", losses.get(0).name());
                check.close(name + " model.losses training=" + training, (float) keras.get(0).asDouble(),
                        losses.get(0).value(), REL, ABS);
                // Keras's value is penalty_undivided / batch: Strata's times the batch must give it back.
                check.close(name + " penalty undivided training=" + training,
                        (float) c.get("penalty_undivided").asDouble(), losses.get(0).value() * x.length, REL, ABS);
            }
        }
        check.verify(name);
    }

    /** Running-mean logs as Keras's {@code on_train_batch_end} sees them. */
    static final class BatchLogs implements Callback {
        final List<Map<String, Double>> logs = new ArrayList<>();
        final List<int[]> epochBatch = new ArrayList<>();

        @Override
        public void onBatchEnd(int epoch, int batch, Map<String, Double> l) {
            logs.add(Map.copyOf(l));
            epochBatch.add(new int[] {epoch, batch});
        }
    }

    @Test
    void oneEpochFitWithASmallerLastBatchMatchesKeras() {
        JsonNode f = Golden.load(FIXTURE).get("fit");
        assertEquals("mean_squared_error", f.get("loss").asText());
        assertEquals(1, f.get("epochs").asInt());
        Golden.Checker check = new Golden.Checker(FIXTURE);
        Sequential spec = spec(Golden.regularizer(f.get("activity_regularizer")));
        try (Model m = Model.compile(spec, TrainingConfig.of(Golden.optimizer(f.get("optimizer")),
                Loss.meanSquaredError()))) {
            m.setWeights(Golden.weights(f.get("initial_weights")));
            BatchLogs batches = new BatchLogs();
            Dataset data = Golden.dataset(f.get("x"), f.get("y"));
            assertEquals(10, data.size());
            History h = m.fit(data, FitOptions.epochs(1).batchSize(f.get("batch_size").asInt())
                    .shuffle(f.get("shuffle").asBoolean()).quiet().callbacks(batches));

            // Per-batch running means (batches of 4, 4, 2), as Keras's callback logs.
            JsonNode running = f.get("callback_batch_loss_running_mean");
            assertEquals(running.size(), batches.logs.size());
            for (int i = 0; i < running.size(); i++) {
                check.close("batch " + i + " running-mean loss", (float) running.get(i).asDouble(),
                        batches.logs.get(i).get("loss"), REL, ABS);
            }
            // The batch's own totals, data losses and penalties, recomputed by Keras before each update, weighted
            // by batch size: the epoch's data_loss and regularization_loss split of Keras's history loss.
            double n = 0;
            double dataSum = 0;
            double pen = 0;
            double total = 0;
            for (JsonNode b : f.get("per_batch_recomputed_before_update")) {
                int size = b.get("rows").get(1).asInt() - b.get("rows").get(0).asInt();
                n += size;
                dataSum += size * b.get("data_loss").asDouble();
                double p = 0;
                for (JsonNode v : b.get("penalties")) {
                    p += v.asDouble();
                }
                pen += size * p;
                total += size * b.get("total").asDouble();
            }
            check.close("history loss", (float) f.get("history_loss").get(0).asDouble(), h.get("loss")[0], REL, ABS);
            check.close("history loss = weighted mean of Keras batch totals", total / n, h.get("loss")[0], REL, ABS);
            check.close("history data_loss = weighted mean of Keras batch data losses", dataSum / n,
                    h.get("data_loss")[0], REL, ABS);
            check.close("history regularization_loss = weighted mean of Keras batch penalties", pen / n,
                    h.get("regularization_loss")[0], REL, ABS);
            check.weights("final weights", Golden.weights(f.get("final_weights")), m.weights(), REL, 1e-8);
        }
        check.verify("oneEpochFitWithASmallerLastBatchMatchesKeras");
    }

    static float[] flat(float[][] rows) {
        int w = rows[0].length;
        float[] out = new float[rows.length * w];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * w, w);
        }
        return out;
    }

    @AfterAll
    static void summary() {
        Golden.Checker.printSummary(FIXTURE);
    }
}
