package dev.strata.golden;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code loss_options.json}: Keras 3's regression, margin and focal losses and the loss options (reduction
 * {@code sum} / {@code mean} / {@code mean_with_sample_weight}, label smoothing, {@code from_logits}), each on a
 * small model read from Keras's own {@code model.to_json()} (so the loss comes through Strata's JSON reader):
 * the output, the evaluated loss, each example's loss, the loss a training step reports and the weights after one
 * SGD(0.1) step; cases marked {@code tie} start on a kink (zero kernel). Two epochs of batches 4 and 2 check that
 * a summed loss is averaged over the epoch by batch size, as Keras's loss tracker does.
 *
 * <p>Tolerance: 1e-6 relative, with absolute floors of 1e-9 on loss values and 1e-8 on weights (a step of
 * {@code 0.1 * g} on weights near zero is exact only to a few 1e-9). Observed maxima are printed per case.
 */
class LossOptionsGoldenTest {
    private static final String FIXTURE = "loss_options.json";
    private static final double REL = 1e-6;
    private static final double ABS_LOSS = 1e-9;
    private static final double ABS_WEIGHT = 1e-8;

    static Stream<Arguments> cases() {
        return Golden.cases(FIXTURE);
    }

    static Stream<Arguments> epochs() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode e : Golden.load(FIXTURE).get("epochs")) {
            out.add(Arguments.of(e.get("name").asText(), e));
        }
        return out.stream();
    }

    private static Model compile(JsonNode c) {
        ReadResult r = ModelJson.read(c.get("model_json").asText());
        Model m = Model.compile(r.spec(), r.training().orElseThrow());
        m.setWeights(Golden.weights(c.get("initial_weights")));
        return m;
    }

    /** x and y of any rank: the fixture's shapes, batch first. */
    static Dataset data(JsonNode c) {
        long[] xs = Golden.shape(c.get("x"));
        long[] ys = Golden.shape(c.get("y"));
        return Dataset.of(List.of(Golden.floats(c.get("x"))), List.of(shapeOf(xs)),
                List.of(Golden.floats(c.get("y"))), List.of(shapeOf(ys)));
    }

    private static dev.strata.spec.TensorShape shapeOf(long[] batchShape) {
        int[] dims = new int[batchShape.length - 1];
        for (int i = 1; i < batchShape.length; i++) {
            dims[i - 1] = (int) batchShape[i];
        }
        return dev.strata.spec.TensorShape.of(dims);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lossAndOneStepMatchKeras(String name, JsonNode c) {
        Golden.Checker check = new Golden.Checker(FIXTURE);
        Dataset data = data(c);
        int n = data.size();
        try (Model m = compile(c)) {
            check.close(name + " output", Golden.floats(c.get("output")), flat(m.predictAll(data, n).get(0)), REL,
                    ABS_LOSS);
            check.close(name + " evaluate", c.get("evaluate_loss").asDouble(), m.evaluate(data, n).dataLoss(), REL,
                    ABS_LOSS);
            JsonNode perSample = c.get("per_sample");
            if (!perSample.isNull()) {
                float[] expected = Golden.floats(perSample);
                for (int i = 0; i < n; i++) {
                    check.close(name + " per_sample[" + i + "]", expected[i],
                            m.evaluate(data.slice(i, i + 1), 1).dataLoss(), REL, ABS_LOSS);
                }
            }
            History h = m.fit(data, FitOptions.epochs(1).batchSize(n).shuffle(false).quiet());
            check.close(name + " step loss", c.get("loss_value").asDouble(), h.get("loss")[0], REL, ABS_LOSS);
            check.weights(name + " weights after one step", Golden.weights(c.get("weights_after")), m.weights(), REL,
                    ABS_WEIGHT);
        }
        check.verify(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("epochs")
    void summedLossIsAveragedOverTheEpochByBatchSize(String name, JsonNode e) {
        Golden.Checker check = new Golden.Checker(FIXTURE);
        try (Model m = compile(e)) {
            History h = m.fit(data(e), FitOptions.epochs(1).batchSize(4).shuffle(false).quiet());
            check.close(name + " history loss", e.get("history_loss").get(0).asDouble(), h.get("loss")[0], REL,
                    ABS_LOSS);
            check.weights(name + " weights after the epoch", Golden.weights(e.get("weights_after")), m.weights(),
                    REL, ABS_WEIGHT);
        }
        check.verify(name);
    }

    /** Every value of an array of any rank, row-major. */
    static float[] flat(Object array) {
        List<Float> out = new ArrayList<>();
        collect(array, out);
        float[] a = new float[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    private static void collect(Object array, List<Float> out) {
        if (array instanceof float[] f) {
            for (float v : f) {
                out.add(v);
            }
        } else {
            for (Object o : (Object[]) array) {
                collect(o, out);
            }
        }
    }

    @AfterAll
    static void summary() {
        Golden.Checker.printSummary(FIXTURE);
    }
}
