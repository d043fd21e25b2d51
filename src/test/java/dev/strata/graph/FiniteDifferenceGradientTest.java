package dev.strata.graph;

import static dev.strata.spec.Regularizers.l1;
import static dev.strata.spec.Regularizers.l1l2;
import static dev.strata.spec.Regularizers.l2;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.Activation;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.OrthogonalRegularizer;
import dev.strata.spec.Regularizer;
import dev.strata.spec.Regularizers;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.testing.Fixtures;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.Model;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gradient TensorFlow builds for the whole objective (data loss plus each kind of penalty) agrees with
 * central finite differences of the objective, weight by weight, on a tiny model. The graph's gradient is
 * read off one plain SGD step with learning rate 1.
 */
class FiniteDifferenceGradientTest {
    private static final float[][] X = Fixtures.uniform(5, 3, 41);
    private static final float[][] Y = Fixtures.uniform(5, 2, 42);

    static {
        Penalties.register("test>cubic", (tf, w, config) -> tf.math.mul(tf.constant(config.get("factor").floatValue()),
                Penalties.sumAll(tf, tf.math.mul(tf.math.square(w), tf.math.abs(w)))));
    }

    static Stream<Arguments> penalties() {
        Regularizer cubic = Regularizers.custom("test>cubic", Map.of("factor", 0.2));
        return Stream.of(
                Arguments.of("L1 kernel", l1(0.05), null, null),
                Arguments.of("L2 kernel", l2(0.3), null, null),
                Arguments.of("L1L2 kernel", l1l2(0.02, 0.2), null, null),
                Arguments.of("orthogonal rows", new OrthogonalRegularizer(0.5, OrthogonalRegularizer.Mode.ROWS), null, null),
                Arguments.of("orthogonal columns", new OrthogonalRegularizer(0.5, OrthogonalRegularizer.Mode.COLUMNS),
                        null, null),
                Arguments.of("custom cubic kernel", cubic, null, null),
                Arguments.of("L2 bias", null, l2(0.4), null),
                Arguments.of("L1 activity", null, null, l1(0.05)),
                Arguments.of("L2 activity", null, null, l2(0.2)),
                Arguments.of("none", null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("penalties")
    void graphGradientMatchesFiniteDifferences(String name, Regularizer kernel, Regularizer bias, Regularizer activity) {
        Sequential spec = Sequential.create().input(3)
                .add(Dense.units(3).activation(Activation.TANH).kernelRegularizer(kernel).biasRegularizer(bias)
                        .activityRegularizer(activity))
                .add(Dense.units(2));
        WeightSet start = Fixtures.weights(
                "dense/kernel", new float[][] {{0.6f, -0.4f, 0.3f}, {-0.7f, 0.5f, 0.2f}, {0.25f, 0.8f, -0.55f}},
                "dense/bias", new float[] {0.1f, -0.2f, 0.15f},
                "dense_1/kernel", new float[][] {{0.9f, -0.3f}, {0.4f, 0.7f}, {-0.6f, 0.35f}},
                "dense_1/bias", new float[] {0.05f, -0.1f});
        Dataset data = Dataset.of(X, Y);
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(1.0), Loss.meanSquaredError()))) {
            m.setWeights(start);
            m.fit(data, FitOptions.epochs(1).batchSize(X.length).shuffle(false).quiet());
            WeightSet after = m.weights();
            for (String weight : start.entries().keySet()) {
                float[] w0 = start.values(weight);
                float[] w1 = after.values(weight);
                for (int i = 0; i < w0.length; i++) {
                    double graphGradient = (double) w0[i] - w1[i];
                    double numeric = centralDifference(m, start, weight, i, data);
                    double tolerance = 2e-3 * Math.max(Math.abs(numeric), 0.05);
                    assertTrue(Math.abs(graphGradient - numeric) <= tolerance, name + ": d/d" + weight + "[" + i
                            + "] graph " + graphGradient + " vs finite difference " + numeric);
                }
            }
        }
    }

    private static double centralDifference(Model m, WeightSet at, String weight, int index, Dataset data) {
        double h = 1e-2;
        return (objective(m, at, weight, index, h, data) - objective(m, at, weight, index, -h, data)) / (2 * h);
    }

    private static double objective(Model m, WeightSet at, String weight, int index, double delta, Dataset data) {
        Map<String, WeightSet.Entry> moved = new LinkedHashMap<>(at.entries());
        float[] values = at.values(weight);
        values[index] += (float) delta;
        moved.put(weight, new WeightSet.Entry(at.get(weight).shape(), values));
        m.setWeights(new WeightSet(moved));
        return m.evaluate(data, X.length).loss();
    }
}
