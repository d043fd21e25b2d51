package dev.strata.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.spec.LearningRateSchedule;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Dense;
import dev.strata.train.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code schedules.json}: each Keras 3 schedule's value at steps 0..40, against the rate Strata's graph computes
 * for an optimizer at that step count ({@link Model#learningRate()} after setting the step).
 *
 * <p>Keras gives two roundings: the schedule evaluated eagerly, op by op, and inside {@code fit}'s tf.function,
 * where Grappler's constant folding reassociates products of constants; Strata's session runs Grappler on a graph
 * of another shape, so a step is compared with the closer of the two. Tolerance: 1e-6 relative, or 1e-6 of the
 * schedule's peak rate. The absolute part is for cosine schedules near the end of a cycle, where
 * {@code 1 + cos(pi * x)} cancels and an ulp of difference before it grows to ~1e-5 relative; Keras's own eager
 * and tf.function values differ there by as much (checked and printed alongside, same bound). Every other
 * schedule agrees to 1e-6 relative, most bit for bit.
 */
class SchedulesGoldenTest {
    private static final String FIXTURE = "schedules.json";

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        int i = 0;
        for (JsonNode c : Golden.load(FIXTURE).get("cases")) {
            JsonNode s = c.get("schedule");
            out.add(Arguments.of(i++ + " " + s.get("class_name").asText() + s.get("config"), c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyStepMatchesKeras(String name, JsonNode c) {
        LearningRateSchedule schedule = GoldenOptimizers.schedule(c.get("schedule"));
        Golden.Checker check = new Golden.Checker(FIXTURE);
        Golden.Checker kerasItself = new Golden.Checker(FIXTURE + " (Keras vs itself)");
        try (Model m = Model.compile(Sequential.named("m").input(2).add(Dense.units(1)),
                TrainingConfig.of(Optimizer.sgd().learningRate(schedule), Loss.meanSquaredError()))) {
            JsonNode eager = c.get("values");
            JsonNode traced = c.get("values_in_tf_function");
            for (int step = 0; step < eager.size(); step++) {
                m.restoreTrainingState(m.trainingState(), step);
                double rate = m.learningRate();
                // Keras's fit computes the schedule in a tf.function, where Grappler may fold products of constants
                // (0.1 * 0.5 * (1 + cos) into 0.05 * (1 + cos)); Strata's session runs Grappler too, on a graph
                // of another shape. Either rounding is Keras's, so the step is compared with the closer one.
                double e = (float) eager.get(step).asDouble();
                double t = (float) traced.get(step).asDouble();
                double expected = Math.abs(rate - e) <= Math.abs(rate - t) ? e : t;
                check.close(name + " step " + step, expected, rate, 1e-6, 1e-6 * peak(eager));
                kerasItself.close(name + " step " + step + " (Keras eager vs tf.function)", e, t, 1e-6,
                        1e-6 * peak(eager));
            }
        }
        check.verify(name);
        kerasItself.verify(name + ": Keras eager vs Keras in fit");
    }

    private static double peak(JsonNode values) {
        double max = 0;
        for (JsonNode v : values) {
            max = Math.max(max, Math.abs(v.asDouble()));
        }
        return max;
    }

    /** The fixture covers every schedule class (a new one must get Keras numbers too). */
    @Test
    void everyClassIsCovered() {
        List<String> classes = new ArrayList<>();
        Golden.load(FIXTURE).get("cases").forEach(c -> classes.add(c.get("schedule").get("class_name").asText()));
        for (String cls : List.of("ExponentialDecay", "PiecewiseConstantDecay", "PolynomialDecay", "InverseTimeDecay",
                "CosineDecay", "CosineDecayRestarts")) {
            assertTrue(classes.contains(cls), cls);
        }
    }

    /** Keras's argument checks, with the argument named. */
    @Test
    void badArgumentsAreRefusedByName() {
        var e = assertThrows(dev.strata.spec.InvalidSpecException.class,
                () -> LearningRateSchedule.exponentialDecay(0.1, 0, 0.9));
        assertEquals("decay_steps", e.field());
        e = assertThrows(dev.strata.spec.InvalidSpecException.class,
                () -> LearningRateSchedule.piecewiseConstantDecay(List.of(1L, 2L), List.of(0.1, 0.01)));
        assertEquals("boundaries", e.field());
        e = assertThrows(dev.strata.spec.InvalidSpecException.class,
                () -> LearningRateSchedule.cosineDecay(Double.NaN, 10));
        assertEquals("initial_learning_rate", e.field());
    }

    @AfterAll
    static void summary() {
        Golden.Checker.printSummary(FIXTURE);
    }
}
