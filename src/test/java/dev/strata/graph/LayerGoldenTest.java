package dev.strata.graph;

import static dev.strata.graph.LayerFixtures.chain;
import static dev.strata.graph.LayerFixtures.exampleShape;
import static dev.strata.graph.LayerFixtures.floats;
import static dev.strata.graph.LayerFixtures.longs;
import static dev.strata.graph.LayerFixtures.spec;
import static dev.strata.graph.LayerFixtures.tokens;
import static dev.strata.graph.LayerFixtures.weights;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.io.Checkpoints;
import dev.strata.json.Dialect;
import dev.strata.json.ModelJson;
import dev.strata.spec.LayerSummary;
import dev.strata.spec.Loss;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.WeightSpec;
import dev.strata.train.Dataset;
import dev.strata.train.Model;
import dev.strata.train.RegularizationValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.GraphOperation;

/**
 * The per-layer harness, in the spirit of Keras's {@code run_layer_test}, run on every case of every layer
 * family fixture written by real Keras ({@code tools/keras-golden/layers}): the layer is read from the config
 * Keras wrote, and must have Keras's output shape and parameter counts, survive a JSON round trip in both
 * dialects, name one regularization term per Keras penalty with Keras's value, compute Keras's inference output,
 * training output, probe gradients and moving statistics on the same weights and input, agree with central
 * finite differences, leave no random, update or penalty op in its INFER graph, and round-trip through a
 * checkpoint.
 */
class LayerGoldenTest {
    static final List<String> FAMILIES = List.of("core", "conv", "pooling", "reshaping", "normalization",
            "activations", "regularization", "sequence", "preprocessing");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FORBIDDEN_INFER_OPS = Set.of("AssignVariableOp", "AssignAddVariableOp",
            "AssignSubVariableOp", "StatelessRandomUniformV2", "StatelessRandomUniform", "StatelessRandomNormalV2",
            "StatelessRandomNormal", "StatelessTruncatedNormalV2", "RandomUniform", "RandomStandardNormal",
            "ResourceApplyGradientDescent", "ResourceApplyAdam", "ResourceApplyKerasMomentum");

    /** Every case of every family fixture present on the test classpath. */
    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String family : FAMILIES) {
            JsonNode doc = load(family);
            if (doc == null) {
                continue;
            }
            for (JsonNode c : doc.get("cases")) {
                out.add(Arguments.of(family + "/" + c.get("name").asText(), c));
            }
        }
        return out.stream();
    }

    static JsonNode load(String family) {
        try (InputStream in = LayerGoldenTest.class.getResourceAsStream("/golden/layers/" + family + ".json")) {
            return in == null ? null : MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void layerMatchesKeras(String name, JsonNode c, @TempDir Path dir) throws IOException {
        Sequential spec = spec(c);
        ModelSummary summary = spec.summary();
        List<LayerSummary> rows = summary.layers();
        LayerSummary row = rows.get(rows.size() - 1);
        String layer = row.layer().name();
        boolean chain = chain(c);

        // Shapes and parameter counts.
        assertEquals(exampleShape(c.get("output_shape")), row.outputShape(), name + ": output shape");
        long trainable = summary.trainableParams();
        assertEquals(c.get("params").get("trainable").asLong(), trainable, name + ": trainable params");
        assertEquals(c.get("params").get("non_trainable").asLong(), summary.totalParams() - trainable,
                name + ": non-trainable params");
        List<String> kerasWeights = new ArrayList<>();
        c.get("weights").forEach(w -> kerasWeights.add(w.get("name").asText()));
        List<String> strataWeights = new ArrayList<>();
        for (LayerSummary r : rows) {
            r.weights().forEach(w -> strataWeights.add(chain ? r.layer().name() + "/" + w.name() : w.name()));
        }
        assertEquals(kerasWeights, strataWeights, name + ": weights, in order");

        // JSON round trip in both dialects.
        for (Dialect d : Dialect.values()) {
            if (d == Dialect.KERAS2 && usesKeras3HardSigmoid(spec)) {
                // tf.keras 2 would read it as clip(0.2x + 0.5): refused (HardSigmoidDialectTest).
                assertThrows(IllegalArgumentException.class, () -> ModelJson.write(spec, d), name);
                continue;
            }
            assertEquals(spec, ModelJson.read(ModelJson.write(spec, d)).spec(), name + ": round trip " + d);
        }

        WeightSet weights = chain ? weights(null, c.get("weights")) : weights(layer, c.get("weights"));
        float[] x = floats(c.get("x"));
        long[] xShape = longs(c.get("x").get("shape"));
        try (Model model = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(), Loss.meanSquaredError()))) {
            model.setWeights(weights);

            // Inference output, through the public predict path (the INFER graph).
            float[][] predicted = model.predict(Dataset.of(x, summary.inputShape(), null, null), 256);
            assertClose(name + ": inference output", floats(c.get("y")), flatten(predicted), 1e-5);

            // Penalties: one named term per Keras weight penalty, with Keras's value; the activity term too.
            List<RegularizationValue> losses = model.losses(rows(x, (int) xShape[0]), false);
            List<RegularizationValue> weightTerms = losses.stream()
                    .filter(v -> v.kind() != RegularizationTerm.Kind.ACTIVITY).toList();
            JsonNode expected = c.get("weight_losses");
            assertEquals(expected.size(), weightTerms.size(), name + ": weight penalty terms " + weightTerms);
            for (int i = 0; i < expected.size(); i++) {
                String weight = expected.get(i).get("weight").asText();
                LayerSummary owner = chain ? rows.stream().filter(r -> weight.startsWith(r.layer().name() + "/"))
                        .findFirst().orElseThrow() : row;
                String local = chain ? weight.substring(owner.layer().name().length() + 1) : weight;
                WeightSpec w = owner.weights().stream().filter(s -> s.name().equals(local)).findFirst().orElseThrow();
                assertEquals(owner.layer().name() + "/" + w.regularizerKey(), weightTerms.get(i).name(), name);
                assertClose(name + ": " + weightTerms.get(i).name(), new float[] {(float) expected.get(i).get("value")
                        .asDouble()}, new float[] {(float) weightTerms.get(i).value()}, 1e-5);
            }
            List<RegularizationValue> activity = losses.stream()
                    .filter(v -> v.kind() == RegularizationTerm.Kind.ACTIVITY).toList();
            if (c.get("activity_loss").isNull()) {
                assertTrue(activity.isEmpty(), name + ": no activity term expected, got " + activity);
            } else {
                assertEquals(1, activity.size(), name + ": activity terms");
                assertEquals(layer + "/activity_regularizer", activity.get(0).name());
                assertClose(name + ": activity", new float[] {(float) c.get("activity_loss").asDouble()},
                        new float[] {(float) activity.get(0).value()}, 1e-5);
            }

            // The INFER graph holds no random, update, optimizer or penalty op.
            assertInferenceGraphIsClean(name, model.inferenceGraph());

            // Checkpoint round trip.
            Path file = dir.resolve("w.ckpt");
            Checkpoints.saveWeights(model, file);
            assertTrue(Checkpoints.readWeights(file, spec).sameAs(model.weights()), name + ": checkpoint round trip");
        }

        if (!c.get("y_train").isNull()) {
            checkTrainingPass(name, spec, weights, c, x, xShape, !tokens(c), chain);
        }
    }

    /** Training output, probe gradients against Keras and against finite differences, and state updates. */
    private static void checkTrainingPass(String name, Sequential spec, WeightSet weights, JsonNode c, float[] x,
                                          long[] xShape, boolean wrtInput, boolean chain) {
        float[] r = floats(c.get("r"));
        try (LayerProbe probe = new LayerProbe(spec, TowerMode.TRAINING, false, wrtInput, chain)) {
            probe.setWeights(weights);
            assertClose(name + ": training output", floats(c.get("y_train")), probe.output(x, xShape), 1e-5);
            Map<String, float[]> grads = probe.gradients(x, xShape, r);
            JsonNode kerasGrads = c.get("grads");
            if (wrtInput) {
                assertClose(name + ": gradient wrt input", floats(kerasGrads.get("x")), grads.get("x"), 1e-4);
            } else {
                assertTrue(kerasGrads.get("x").isNull(), name + ": Keras has a gradient wrt token ids");
            }
            for (Iterator<String> it = kerasGrads.get("weights").fieldNames(); it.hasNext(); ) {
                String w = it.next();
                assertNotNull(grads.get(w), name + ": no gradient for weight " + w);
                assertClose(name + ": gradient wrt " + w, floats(kerasGrads.get("weights").get(w)), grads.get(w), 1e-4);
            }
            assertEquals(kerasGrads.get("weights").size(), grads.size() - (wrtInput ? 1 : 0),
                    name + ": trainable weights");
            // Masked steps make the output jump when one of their features leaves the mask value: no x differences.
            Map<String, float[]> smooth = new LinkedHashMap<>(grads);
            if (c.path("masked_input").asBoolean(false)) {
                smooth.remove("x");
            }
            finiteDifferences(name, probe, weights, x, xShape, r, smooth);
            if (c.hasNonNull("state_after") && c.get("state_after").size() > 0) {
                probe.setWeights(weights);
                Map<String, float[]> after = probe.stateAfterUpdates(x, xShape);
                for (Iterator<String> it = c.get("state_after").fieldNames(); it.hasNext(); ) {
                    String w = it.next();
                    assertClose(name + ": " + w + " after a training call", floats(c.get("state_after").get(w)),
                            after.get(w), 1e-5);
                }
            }
        }
    }

    /**
     * Central differences on up to 12 entries of the input and of each weight. Float32 differences are noisy and
     * a kink (relu at 0, a max tie) can fall inside the step, so an entry passes when it agrees with either the
     * central or a one-sided difference within 2% of the gradient's scale.
     */
    private static void finiteDifferences(String name, LayerProbe probe, WeightSet weights, float[] x, long[] xShape,
                                          float[] r, Map<String, float[]> grads) {
        float h = 1e-2f;
        float[] gx = grads.get("x");
        double scale = gx == null ? 0 : Math.max(1e-2, maxAbs(gx));
        for (int i : gx == null ? new int[0] : sample(x.length)) {
            float old = x[i];
            double f0 = probe.probe(x, xShape, r);
            x[i] = old + h;
            double up = probe.probe(x, xShape, r);
            x[i] = old - h;
            double down = probe.probe(x, xShape, r);
            x[i] = old;
            assertDifference(name + ": d/dx[" + i + "]", gx[i], f0, up, down, h, scale);
        }
        for (String w : probe.trainableNames()) {
            String key = weights.entries().containsKey(w) ? w
                    : weights.entries().keySet().stream().filter(k -> k.endsWith("/" + w)).findFirst().orElseThrow();
            WeightSet.Entry e = weights.get(key);
            float[] values = e.values().clone();
            float[] g = grads.get(w);
            double wScale = Math.max(1e-2, maxAbs(g));
            for (int i : sample(values.length)) {
                float old = values[i];
                double f0 = probeWith(probe, weights, key, values, x, xShape, r);
                values[i] = old + h;
                double up = probeWith(probe, weights, key, values, x, xShape, r);
                values[i] = old - h;
                double down = probeWith(probe, weights, key, values, x, xShape, r);
                values[i] = old;
                assertDifference(name + ": d/d" + w + "[" + i + "]", g[i], f0, up, down, h, wScale);
            }
            probe.setWeights(weights);
        }
    }

    private static double probeWith(LayerProbe probe, WeightSet base, String key, float[] values, float[] x,
                                    long[] xShape, float[] r) {
        Map<String, WeightSet.Entry> m = new LinkedHashMap<>(base.entries());
        m.put(key, new WeightSet.Entry(base.get(key).shape(), values.clone()));
        probe.setWeights(new WeightSet(m));
        return probe.probe(x, xShape, r);
    }

    private static void assertDifference(String what, float analytic, double f0, double up, double down, float h,
                                         double scale) {
        double central = (up - down) / (2 * h);
        double forward = (up - f0) / h;
        double backward = (f0 - down) / h;
        double tol = 0.02 * scale + 1e-3;
        if (Math.abs(central - analytic) > tol && Math.abs(forward - analytic) > tol
                && Math.abs(backward - analytic) > tol) {
            fail(what + ": analytic " + analytic + ", finite differences " + central + " (forward " + forward
                    + ", backward " + backward + ")");
        }
    }

    private static int[] sample(int n) {
        int k = Math.min(n, 12);
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = (int) ((long) i * n / k);
        }
        return out;
    }

    private static void assertInferenceGraphIsClean(String name, InferenceGraph g) {
        for (Iterator<GraphOperation> it = g.graph().operations(); it.hasNext(); ) {
            GraphOperation op = it.next();
            if (op.name().startsWith("io/")) {
                continue; // the weight loaders
            }
            assertFalse(FORBIDDEN_INFER_OPS.contains(op.type()), name + ": " + op.type() + " in the INFER graph: " + op);
            String lower = op.name().toLowerCase(Locale.ROOT);
            for (String word : List.of("regularizer", "penalty", "loss", "optimizer", "train", "eval")) {
                assertFalse(lower.contains(word), name + ": op " + op.name() + " mentions " + word);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static float[][] rows(float[] flat, int n) {
        int w = flat.length / n;
        float[][] out = new float[n][w];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * w, out[i], 0, w);
        }
        return out;
    }

    private static float[] flatten(float[][] rows) {
        int w = rows.length == 0 ? 0 : rows[0].length;
        float[] out = new float[rows.length * w];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * w, w);
        }
        return out;
    }

    private static double maxAbs(float[] v) {
        double m = 0;
        for (float f : v) {
            m = Math.max(m, Math.abs(f));
        }
        return m;
    }

    /** Each value within {@code rel} of the expected one, relative to the largest expected magnitude. */
    static void assertClose(String what, float[] expected, float[] actual, double rel) {
        assertNotNull(actual, what + ": missing");
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = Math.max(1e-6, maxAbs(expected));
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i] - actual[i]) > rel * scale) {
                fail(what + ": entry " + i + " is " + actual[i] + ", Keras has " + expected[i] + " (max |value| "
                        + scale + ", tolerance " + rel + " of it); first values " + Arrays.toString(
                        Arrays.copyOf(actual, Math.min(6, actual.length))) + " vs " + Arrays.toString(
                        Arrays.copyOf(expected, Math.min(6, expected.length))));
            }
        }
    }

    static String read(Path p) throws IOException {
        return Files.readString(p);
    }

    private static boolean usesKeras3HardSigmoid(Sequential spec) {
        return ModelJson.write(spec, Dialect.KERAS3).contains("\"hard_sigmoid\"");
    }
}
