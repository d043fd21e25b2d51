package dev.strata.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.graph.WeightSet;
import dev.strata.spec.L1;
import dev.strata.spec.L1L2;
import dev.strata.spec.L2;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.OrthogonalRegularizer;
import dev.strata.spec.Regularizer;
import dev.strata.train.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opentest4j.AssertionFailedError;

/**
 * Reads the real-Keras golden fixtures under {@code src/test/resources/golden/} (schemas in
 * {@code tools/keras-golden/README.md}) and maps their serialized Keras objects to Strata specs.
 *
 * <p>Every float in a fixture is the float64 repr of a float32, so {@code (float) node.asDouble()} gives back
 * the exact bits Keras used.
 */
final class Golden {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, JsonNode> CACHE = new ConcurrentHashMap<>();

    private Golden() {
    }

    /** A fixture by file name, for example {@code "regularizers.json"}. */
    /** The fixture's {@code cases} array as (name, case) arguments for a parameterized test. */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> cases(String fixture) {
        List<org.junit.jupiter.params.provider.Arguments> out = new ArrayList<>();
        for (JsonNode c : load(fixture).get("cases")) {
            out.add(org.junit.jupiter.params.provider.Arguments.of(c.get("name").asText(), c));
        }
        return out.stream();
    }

    static JsonNode load(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try (InputStream in = Golden.class.getResourceAsStream("/golden/" + n)) {
                if (in == null) {
                    throw new IllegalStateException("missing fixture /golden/" + n + " on the test classpath");
                }
                return MAPPER.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    // ---------------------------------------------------------------- tensors

    /** A flat list of numbers, or the {@code data} of a tensor object, as exact float32 values. */
    static float[] floats(JsonNode node) {
        JsonNode data = node.isObject() ? node.get("data") : node;
        float[] out = new float[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) data.get(i).asDouble();
        }
        return out;
    }

    static int[] ints(JsonNode node) {
        JsonNode data = node.isObject() ? node.get("data") : node;
        int[] out = new int[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = data.get(i).asInt();
        }
        return out;
    }

    static long[] shape(JsonNode tensorOrWeight) {
        JsonNode s = tensorOrWeight.has("shape") ? tensorOrWeight.get("shape") : tensorOrWeight.get("weight_shape");
        long[] out = new long[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.get(i).asLong();
        }
        return out;
    }

    /** A rank-2 tensor {@code {"shape": [r, c], "data": [...]}} as rows. */
    static float[][] matrix(JsonNode tensor) {
        long[] shape = shape(tensor);
        if (shape.length != 2) {
            throw new IllegalArgumentException("expected a rank-2 tensor, got shape " + Arrays.toString(shape));
        }
        float[] flat = floats(tensor);
        int rows = (int) shape[0];
        int cols = (int) shape[1];
        float[][] out = new float[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, out[i], 0, cols);
        }
        return out;
    }

    /** An n x n identity kernel, so that {@code Dense(n)} with zero bias passes its input through exactly. */
    static float[][] identity(int n) {
        float[][] out = new float[n][n];
        for (int i = 0; i < n; i++) {
            out[i][i] = 1f;
        }
        return out;
    }

    static Dataset dataset(JsonNode x, JsonNode y) {
        return Dataset.of(matrix(x), matrix(y));
    }

    /**
     * A fixture weight list ({@code [{"path": "model/layer/kernel", "shape", "data"}]}) as a Strata
     * {@link WeightSet} named {@code layer/kernel}: the Keras model name, the first path component, is dropped.
     */
    static WeightSet weights(JsonNode list) {
        Map<String, WeightSet.Entry> map = new LinkedHashMap<>();
        for (JsonNode w : list) {
            map.put(strataName(w.get("path").asText()), new WeightSet.Entry(shape(w), floats(w)));
        }
        return new WeightSet(map);
    }

    /** {@code "fit_model/hidden/kernel"} to {@code "hidden/kernel"}. */
    static String strataName(String kerasPath) {
        String[] parts = kerasPath.split("/");
        if (parts.length < 3) {
            throw new IllegalArgumentException("expected model/layer/weight, got " + kerasPath);
        }
        return parts[parts.length - 2] + "/" + parts[parts.length - 1];
    }

    // ---------------------------------------------------------------- Keras objects to Strata specs

    /** A {@code keras.regularizers.serialize} dict as the Strata regularizer with the same factors. */
    static Regularizer regularizer(JsonNode serialized) {
        String cls = serialized.get("class_name").asText();
        JsonNode c = serialized.get("config");
        return switch (cls) {
            case "L1" -> new L1(c.get("l1").asDouble());
            case "L2" -> new L2(c.get("l2").asDouble());
            case "L1L2" -> new L1L2(c.get("l1").asDouble(), c.get("l2").asDouble());
            case "OrthogonalRegularizer" -> new OrthogonalRegularizer(c.get("factor").asDouble(),
                    OrthogonalRegularizer.Mode.fromKerasName(c.get("mode").asText()));
            default -> throw new IllegalArgumentException("no Strata mapping for regularizer " + cls);
        };
    }

    /** A {@code keras.losses.serialize} dict as the Strata loss. */
    static Loss loss(JsonNode serialized) {
        String cls = serialized.get("class_name").asText();
        JsonNode c = serialized.get("config");
        if (!"sum_over_batch_size".equals(c.path("reduction").asText("sum_over_batch_size"))) {
            throw new IllegalArgumentException("Strata only reduces with sum_over_batch_size: " + c);
        }
        return switch (cls) {
            case "MeanSquaredError" -> Loss.meanSquaredError();
            case "MeanAbsoluteError" -> Loss.meanAbsoluteError();
            case "BinaryCrossentropy" -> new Loss.BinaryCrossentropy(c.get("from_logits").asBoolean(),
                    c.get("label_smoothing").asDouble());
            case "CategoricalCrossentropy" -> new Loss.CategoricalCrossentropy(c.get("from_logits").asBoolean(),
                    c.get("label_smoothing").asDouble());
            case "SparseCategoricalCrossentropy" ->
                    new Loss.SparseCategoricalCrossentropy(c.get("from_logits").asBoolean());
            default -> throw new IllegalArgumentException("no Strata mapping for loss " + cls);
        };
    }

    /** A {@code keras.optimizers.serialize} dict as the Strata optimizer with the same hyperparameters. */
    static Optimizer optimizer(JsonNode serialized) {
        return GoldenOptimizers.of(serialized);
    }

    // ---------------------------------------------------------------- comparison

    /**
     * Collects comparisons of Strata numbers against Keras numbers, keeps the largest errors seen (for the
     * report), and fails once at the end with every mismatch listed, so one run shows the whole discrepancy.
     *
     * <p>A value passes when {@code |actual - expected| <= max(rel * |expected|, abs)}: relative agreement,
     * with an absolute floor only for values near zero (where float32 cancellation makes relative error
     * meaningless).
     */
    static final class Checker {
        private static final Map<String, double[]> MAX_BY_FIXTURE = new ConcurrentHashMap<>();

        private final String fixture;
        private final List<String> failures = new ArrayList<>();
        private double maxRel;
        private double maxAbs;
        private String worst = "";
        private int count;

        Checker(String fixture) {
            this.fixture = fixture;
        }

        /** Compares one number; {@code what} names it in failure messages. */
        Checker close(String what, double expected, double actual, double rel, double abs) {
            double err = Math.abs(actual - expected);
            double relErr = expected == 0 ? (err == 0 ? 0 : Double.POSITIVE_INFINITY) : err / Math.abs(expected);
            count++;
            boolean ok = err <= Math.max(rel * Math.abs(expected), abs);
            // Track the relative error of every non-zero expected value, also where the absolute floor applies.
            if (expected != 0 && relErr > maxRel) {
                maxRel = relErr;
                worst = what;
            }
            maxAbs = Math.max(maxAbs, err);
            if (!ok || Double.isNaN(actual)) {
                failures.add(String.format("%s: Keras %.9g, Strata %.9g (abs err %.3g, rel err %.3g; tol rel %.1g, abs %.1g)",
                        what, expected, actual, err, relErr, rel, abs));
            }
            return this;
        }

        /** Compares arrays element by element. */
        Checker close(String what, float[] expected, float[] actual, double rel, double abs) {
            if (expected.length != actual.length) {
                failures.add(what + ": Keras has " + expected.length + " values, Strata " + actual.length);
                return this;
            }
            for (int i = 0; i < expected.length; i++) {
                close(what + "[" + i + "]", expected[i], actual[i], rel, abs);
            }
            return this;
        }

        /** Compares every weight of {@code expected} (all names must exist in {@code actual}, shapes equal). */
        Checker weights(String what, WeightSet expected, WeightSet actual, double rel, double abs) {
            if (!expected.entries().keySet().equals(actual.entries().keySet())) {
                failures.add(what + ": weight names differ: Keras " + expected.entries().keySet() + ", Strata "
                        + actual.entries().keySet());
                return this;
            }
            for (String name : expected.entries().keySet()) {
                if (!Arrays.equals(expected.get(name).shape(), actual.get(name).shape())) {
                    failures.add(what + " " + name + ": shape Keras " + Arrays.toString(expected.get(name).shape())
                            + ", Strata " + Arrays.toString(actual.get(name).shape()));
                    continue;
                }
                close(what + " " + name, expected.values(name), actual.values(name), rel, abs);
            }
            return this;
        }

        /** Records a non-numeric mismatch. */
        Checker fail(String message) {
            failures.add(message);
            return this;
        }

        /** Throws with every mismatch when there was one; always records the error maxima for the report. */
        void verify(String testName) {
            MAX_BY_FIXTURE.merge(fixture, new double[] {maxRel, maxAbs, count},
                    (a, b) -> new double[] {Math.max(a[0], b[0]), Math.max(a[1], b[1]), a[2] + b[2]});
            System.out.printf("[golden %s] %s: %d values, max rel err %.3g (%s), max abs err %.3g%n", fixture,
                    testName, count, maxRel, worst.isEmpty() ? "-" : worst, maxAbs);
            if (!failures.isEmpty()) {
                StringBuilder sb = new StringBuilder(testName + ": " + failures.size() + " of " + count
                        + " values disagree with Keras (" + fixture + "):");
                for (int i = 0; i < Math.min(failures.size(), 40); i++) {
                    sb.append("\n  ").append(failures.get(i));
                }
                if (failures.size() > 40) {
                    sb.append("\n  ... ").append(failures.size() - 40).append(" more");
                }
                throw new AssertionFailedError(sb.toString());
            }
        }

        /** Prints the largest errors seen per fixture, for the report. */
        static void printSummary(String fixture) {
            double[] m = MAX_BY_FIXTURE.get(fixture);
            if (m != null) {
                System.out.printf("[golden %s] SUMMARY: %d values compared, max rel err %.3g, max abs err %.3g%n",
                        fixture, (long) m[2], m[0], m[1]);
            }
        }
    }
}
