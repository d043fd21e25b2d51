package dev.strata.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.graph.WeightSet;
import dev.strata.spec.Activation;
import dev.strata.spec.layers.ActivationLayer;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * AUC, precision and recall: hand-computed Keras-threshold values, then real Keras 3.15 numbers from
 * {@code src/test/resources/golden/metrics.json} (generator: {@code tools/keras-golden}).
 */
class ConfusionMetricsTest {
    private static final TrainingConfig METRICS = TrainingConfig.of(Optimizer.sgd(), Loss.meanSquaredError(),
            Metric.AUC, Metric.PRECISION, Metric.RECALL);

    /** Evaluates predictions as they are: a model whose output is its input, with the given batch size. */
    private static Evaluation evaluate(float[] y, float[] p, int width, int batch) {
        Sequential identity = Sequential.create().input(width).add(ActivationLayer.of(Activation.LINEAR));
        try (Model m = Model.compile(identity, METRICS)) {
            return m.evaluate(Dataset.of(p, TensorShape.of(width), y, TensorShape.of(width)), batch);
        }
    }

    @Test
    void distinctBucketsGiveTheExactRocArea() {
        // Positives 0.35 and 0.8, negatives 0.1 and 0.4: buckets ceil(199 p) - 1 = 19, 79, 69, 159 all differ,
        // so the 200-threshold ROC passes (1,1) (0.5,1) (0.5,0.5) (0,0.5) (0,0): area 0.5 + 0.25 = 0.75. Only 0.8
        // is above 0.5: precision 1/1, recall 1/2.
        Evaluation e = evaluate(new float[] {0, 0, 1, 1}, new float[] {0.1f, 0.4f, 0.35f, 0.8f}, 1, 32);
        assertEquals(0.75, e.get("auc"), 1e-7);
        assertEquals(1.0, e.get("precision"));
        assertEquals(0.5, e.get("recall"));
    }

    @Test
    void predictionsSharingABucketAreInterpolated() {
        // 0.101 (positive) and 0.102 (negative) both land in bucket 20, so no threshold separates them: the ROC
        // goes from (1,1) straight to (0,0.5), a trapezoid of 1 * (1 + 0.5) / 2 = 0.75, where the exact AUC is 0.5.
        Evaluation e = evaluate(new float[] {1, 0, 1}, new float[] {0.101f, 0.102f, 0.9f}, 1, 32);
        assertEquals(0.75, e.get("auc"), 1e-7);
        // All predictions tied: one trapezoid from (1,1) to (0,0).
        assertEquals(0.5, evaluate(new float[] {0, 1, 0, 1}, new float[] {0.3f, 0.3f, 0.3f, 0.3f}, 1, 32)
                .get("auc"), 1e-7);
    }

    @Test
    void countsAccumulateAcrossBatchesBeforeTheFormula() {
        // The AUC of the whole set, not the mean of per-batch AUCs (which would be (1 + 0) / 2 here: batch one
        // ranks perfectly, batch two inversely); overall 3 of the 4 positive/negative pairs are ordered.
        float[] y = {1, 0, 1, 0};
        float[] p = {0.9f, 0.1f, 0.2f, 0.8f};
        assertEquals(0.75, evaluate(y, p, 1, 2).get("auc"), 1e-7);
        assertEquals(evaluate(y, p, 1, 4).get("auc"), evaluate(y, p, 1, 1).get("auc"));
    }

    @Test
    void matchesKerasOnEveryGoldenCase() {
        for (JsonNode c : golden().get("cases")) {
            String name = c.get("name").asText();
            int width = c.get("y_true").get("shape").get(1).asInt();
            Evaluation e = evaluate(floats(c.get("y_true")), floats(c.get("y_pred")), width, c.get("batch_size").asInt());
            for (String metric : new String[] {"auc", "precision", "recall"}) {
                assertEquals(c.get(metric).asDouble(), e.get(metric), 1e-6, name + " " + metric);
            }
        }
    }

    @Test
    void javaFormulaGivesKerasResultFromKerasState() {
        for (JsonNode c : golden().get("cases")) {
            JsonNode s = c.get("auc_state");
            float[] counts = new float[4 * Metric.AUC_THRESHOLDS];
            String[] order = {"true_positives", "false_positives", "true_negatives", "false_negatives"};
            for (int k = 0; k < 4; k++) {
                float[] v = floats(s.get(order[k]));
                System.arraycopy(v, 0, counts, k * Metric.AUC_THRESHOLDS, Metric.AUC_THRESHOLDS);
            }
            assertEquals((float) c.get("auc").asDouble(), ConfusionMetrics.auc(counts, 0), 1e-6f, c.get("name").asText());
            float[] precision = {floats(c.get("precision_state").get("true_positives"))[0],
                    floats(c.get("precision_state").get("false_positives"))[0]};
            assertEquals((float) c.get("precision").asDouble(), ConfusionMetrics.precision(precision, 0));
        }
    }

    @Test
    void fitReportsKerasHistory() {
        JsonNode fit = golden().get("fit");
        Sequential spec = Sequential.named("metrics_fit").input(4).add(Dense.units(1).activation(Activation.SIGMOID)
                .name("out"));
        TrainingConfig config = TrainingConfig.of(Optimizer.sgd(0.5), Loss.binaryCrossentropy(), Metric.AUC,
                Metric.PRECISION, Metric.RECALL, Metric.ACCURACY);
        try (Model m = Model.compile(spec, config)) {
            Map<String, WeightSet.Entry> w = new LinkedHashMap<>();
            w.put("out/kernel", new WeightSet.Entry(new long[] {4, 1}, floats(fit.get("initial_weights").get(0))));
            w.put("out/bias", new WeightSet.Entry(new long[] {1}, floats(fit.get("initial_weights").get(1))));
            m.setWeights(new WeightSet(w));
            Dataset train = Dataset.of(floats(fit.get("x")), TensorShape.of(4), floats(fit.get("y")), TensorShape.of(1));
            Dataset val = Dataset.of(floats(fit.get("x_val")), TensorShape.of(4), floats(fit.get("y_val")),
                    TensorShape.of(1));
            History h = m.fit(train, FitOptions.epochs(3).batchSize(8).shuffle(false).validationData(val).quiet());
            JsonNode keras = fit.get("history");
            for (var it = keras.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                for (int e = 0; e < 3; e++) {
                    assertEquals(keras.get(key).get(e).asDouble(), h.get(key)[e], 2e-6, key + " epoch " + e);
                }
            }
        }
    }

    @Test
    void confusionMetricsRejectSparseTargets() {
        Sequential spec = Sequential.create().input(3).add(Dense.units(4).activation(Activation.SOFTMAX));
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> Model.compile(spec,
                TrainingConfig.of(Optimizer.sgd(), Loss.sparseCategoricalCrossentropy(), Metric.AUC)));
        assertEquals("metrics", e.field());
        assertTrue(e.getMessage().contains("one-hot"), e.getMessage());
    }

    @Test
    void monitorsMaximizeConfusionMetricsInAutoMode() {
        try (Model m = Model.compile(Sequential.create().input(2).add(Dense.units(1)), METRICS)) {
            assertTrue(Monitor.of("val_auc").maximizes(m));
            assertTrue(Monitor.of("precision").maximizes(m));
            assertTrue(!Monitor.of("val_loss").maximizes(m));
        }
    }

    private static JsonNode golden() {
        try (InputStream in = ConfusionMetricsTest.class.getResourceAsStream("/golden/metrics.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static float[] floats(JsonNode node) {
        JsonNode data = node.isObject() ? node.get("data") : node;
        float[] out = new float[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) data.get(i).asDouble();
        }
        return out;
    }
}
