package dev.strata.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.graph.RegularizationTerm;
import dev.strata.graph.WeightSet;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.L1;
import dev.strata.spec.L1L2;
import dev.strata.spec.L2;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.OrthogonalRegularizer;
import dev.strata.spec.Regularizer;
import dev.strata.spec.Regularizers;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.train.Model;
import dev.strata.train.RegularizationValue;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code regularizers.json}: every weight penalty Keras 3 computed equals the one Strata's graph computes
 * (through {@link Model#losses()} on a Dense whose kernel, or bias for rank-1 weights, carries the
 * regularizer), and the string shorthands resolve as Strata documents.
 *
 * <p>Tolerance: 1e-6 relative, 1e-9 absolute for values near zero (float32 sums of at most 15 terms agree to
 * a few ulp; only the exact-zero L1L2(0, 0) case uses the absolute floor).
 */
class RegularizersGoldenTest {
    private static final String FIXTURE = "regularizers.json";
    private static final double REL = 1e-6;
    private static final double ABS = 1e-9;

    static Stream<Arguments> cases() {
        return Golden.cases(FIXTURE);
    }

    /** The single penalty Strata computes for {@code reg} on {@code weight} (shape [r, c] kernel or [n] bias). */
    static double strataPenalty(Regularizer reg, long[] shape, float[] weight) {
        Sequential spec;
        WeightSet weights;
        if (shape.length == 2) {
            int rows = (int) shape[0];
            int cols = (int) shape[1];
            spec = Sequential.named("reg_model").input(rows).add(Dense.units(cols).kernelRegularizer(reg));
            weights = new WeightSet(Map.of("dense/kernel", new WeightSet.Entry(shape, weight),
                    "dense/bias", new WeightSet.Entry(new long[] {cols}, new float[cols])));
        } else {
            int n = (int) shape[0];
            spec = Sequential.named("reg_model").input(1).add(Dense.units(n).biasRegularizer(reg));
            weights = new WeightSet(Map.of("dense/kernel", new WeightSet.Entry(new long[] {1, n}, new float[n]),
                    "dense/bias", new WeightSet.Entry(shape, weight)));
        }
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(), Loss.meanSquaredError()))) {
            m.setWeights(weights);
            List<RegularizationValue> losses = m.losses();
            assertEquals(1, losses.size(), "one penalty expected, got " + losses);
            RegularizationValue v = losses.get(0);
            assertEquals(shape.length == 2 ? RegularizationTerm.Kind.KERNEL : RegularizationTerm.Kind.BIAS, v.kind());
            assertEquals(shape.length == 2 ? "dense/kernel_regularizer" : "dense/bias_regularizer", v.name());
            return v.value();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void penaltyEqualsKeras(String name, JsonNode c) {
        Regularizer reg = Golden.regularizer(c.get("regularizer"));
        double strata = strataPenalty(reg, Golden.shape(c), Golden.floats(c.get("weight")));
        new Golden.Checker(FIXTURE).close(name, (float) c.get("value").asDouble(), strata, REL, ABS).verify(name);
    }

    /** The no-argument factories have Keras 3's defaults. */
    @Test
    void defaultsMatchKeras() {
        Map<String, Regularizer> strata = Map.of("L1() default 4x3", Regularizers.l1(), "L2() default 4x3",
                Regularizers.l2(), "Orthogonal() default 3x5", Regularizers.orthogonal(), "L1L2() default 4x3 (zero)",
                new L1L2(0, 0));
        Golden.Checker check = new Golden.Checker(FIXTURE);
        int seen = 0;
        for (JsonNode c : Golden.load(FIXTURE).get("cases")) {
            Regularizer r = strata.get(c.get("name").asText());
            if (r == null) {
                continue;
            }
            seen++;
            assertSameFactors(c.get("regularizer"), r);
            check.close(c.get("name").asText(), (float) c.get("value").asDouble(),
                    strataPenalty(r, Golden.shape(c), Golden.floats(c.get("weight"))), REL, ABS);
        }
        assertEquals(strata.size(), seen);
        check.verify("defaultsMatchKeras");
    }

    /**
     * {@code Regularizers.fromString}: every shorthand Keras 3 accepts maps to the same regularizer (factors
     * compared in float32, as Keras stores L1 and orthogonal factors) and gives Keras's value on the 4x3 weight
     * of the first case. {@code 'l1_l2'}, which Keras 3 rejects, is Strata's documented L1L2(0.01, 0.01)
     * (the tf.keras meaning); its value is checked against Keras's own L1(0.01) + L2(0.01) values.
     */
    @Test
    void stringFormsMapAsDocumented() {
        JsonNode fixture = Golden.load(FIXTURE);
        JsonNode first = fixture.get("cases").get(0);
        long[] shape = Golden.shape(first);
        float[] weight = Golden.floats(first.get("weight"));
        Golden.Checker check = new Golden.Checker(FIXTURE);
        var forms = fixture.get("string_forms").fields();
        int n = 0;
        while (forms.hasNext()) {
            var e = forms.next();
            String key = e.getKey();
            JsonNode keras = e.getValue();
            Regularizer r = Regularizers.fromString(key);
            n++;
            if (keras.has("error")) {
                assertEquals("l1_l2", key, "Keras rejected an unexpected shorthand: " + keras);
                assertTrue(keras.get("error").asText().contains("Could not interpret regularizer identifier"));
                // Strata's documented deviation: L1L2(0.01, 0.01).
                assertEquals(new L1L2(0.01, 0.01), r);
                double kerasL1 = caseValue(fixture, "L1(0.01) 4x3");
                double kerasL2 = caseValue(fixture, "L2(0.01) 4x3");
                check.close("string 'l1_l2' = Keras L1(0.01) + L2(0.01)", (float) (kerasL1 + kerasL2),
                        strataPenalty(r, shape, weight), REL, ABS);
                continue;
            }
            assertSameFactors(keras.get("serialized"), r);
            check.close("string '" + key + "'", (float) keras.get("value_on_4x3").asDouble(),
                    strataPenalty(r, shape, weight), REL, ABS);
            if (keras.get("value_on_4x3").asDouble() == 0) {
                assertTrue(r.isZero(), "'" + key + "' is a zero penalty in Keras 3; Strata flags isZero()");
            }
        }
        assertEquals(9, n);
        check.verify("stringFormsMapAsDocumented");
    }

    private static double caseValue(JsonNode fixture, String name) {
        for (JsonNode c : fixture.get("cases")) {
            if (c.get("name").asText().equals(name)) {
                return c.get("value").asDouble();
            }
        }
        throw new IllegalArgumentException("no case " + name);
    }

    /** The Strata regularizer has the Keras class and the same factors, compared as float32. */
    private static void assertSameFactors(JsonNode serialized, Regularizer r) {
        JsonNode c = serialized.get("config");
        assertEquals(serialized.get("class_name").asText(), r.kerasClassName());
        if (r instanceof L1 l1) {
            assertEquals((float) c.get("l1").asDouble(), (float) l1.l1());
        } else if (r instanceof L2 l2) {
            assertEquals((float) c.get("l2").asDouble(), (float) l2.l2());
        } else if (r instanceof L1L2 both) {
            assertEquals((float) c.get("l1").asDouble(), (float) both.l1());
            assertEquals((float) c.get("l2").asDouble(), (float) both.l2());
        } else if (r instanceof OrthogonalRegularizer o) {
            assertEquals((float) c.get("factor").asDouble(), (float) o.factor());
            assertEquals(c.get("mode").asText(), o.mode().kerasName());
        }
    }

    @AfterAll
    static void summary() {
        Golden.Checker.printSummary(FIXTURE);
    }
}
