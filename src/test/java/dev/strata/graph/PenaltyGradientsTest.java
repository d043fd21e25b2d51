package dev.strata.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.Activation;
import dev.strata.spec.CustomRegularizer;
import dev.strata.spec.Loss;
import dev.strata.spec.ModelPenalty;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Regularizer;
import dev.strata.spec.Regularizers;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Dense;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.Model;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The closed-form L1/L2/L1L2 gradients ({@link PenaltyGradients}) train the same weights as TensorFlow's symbolic
 * gradient of Keras's formula. The reference is the same penalty registered as a custom regularizer, which Strata
 * differentiates symbolically: {@code l1 * sum(abs(w))}, {@code l2 * sum(square(w))}, their sum for L1L2.
 */
class PenaltyGradientsTest {
    private static final double L1 = 0.03;
    private static final double L2 = 0.07;

    @BeforeAll
    static void registerSymbolicReferences() {
        Penalties.register("test>symbolic_l1", (tf, w, c) -> sum(tf, tf.math.abs(w), L1));
        Penalties.register("test>symbolic_l2", (tf, w, c) -> sum(tf, tf.math.square(w), L2));
        Penalties.register("test>symbolic_l1l2", (tf, w, c) -> tf.math.add(sum(tf, tf.math.abs(w), L1),
                sum(tf, tf.math.square(w), L2)));
    }

    private static Operand<TFloat32> sum(Ops tf, Operand<TFloat32> x, double factor) {
        return tf.math.mul(tf.constant((float) factor), Penalties.sumAll(tf, x));
    }

    private static Sequential mlp(Regularizer r, Regularizer modelWide) {
        Sequential s = Sequential.named("m").input(5)
                .add(Dense.units(7).activation(Activation.RELU).kernelRegularizer(r).biasRegularizer(r))
                .add(Dense.units(3).kernelRegularizer(r));
        return modelWide == null ? s : s.penalty(ModelPenalty.of(modelWide));
    }

    private static WeightSet train(Sequential spec, boolean adam) {
        SplittableRandom rng = new SplittableRandom(11);
        float[][] x = new float[32][5];
        float[][] y = new float[32][3];
        for (int i = 0; i < 32; i++) {
            for (int j = 0; j < 5; j++) {
                x[i][j] = (float) rng.nextGaussian();
            }
            for (int j = 0; j < 3; j++) {
                y[i][j] = (float) rng.nextGaussian();
            }
        }
        TrainingConfig config = TrainingConfig.of(adam ? Optimizer.adam(0.01) : Optimizer.sgd(0.1),
                Loss.meanSquaredError());
        try (Model m = Model.compile(spec, config)) {
            m.fit(Dataset.of(x, y), FitOptions.epochs(2).batchSize(8).shuffle(false).quiet());
            return m.weights();
        }
    }

    private static Regularizer builtIn(String kind) {
        return switch (kind) {
            case "l1" -> Regularizers.l1(L1);
            case "l2" -> Regularizers.l2(L2);
            default -> Regularizers.l1l2(L1, L2);
        };
    }

    private static Regularizer symbolic(String kind) {
        return new CustomRegularizer("test>symbolic_" + kind, Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"l1", "l2", "l1l2"})
    void closedFormTrainsTheWeightsOfTheSymbolicGradientBitForBit(String kind) {
        for (boolean adam : new boolean[] {false, true}) {
            WeightSet closed = train(mlp(builtIn(kind), null), adam);
            WeightSet symbolic = train(mlp(symbolic(kind), null), adam);
            for (String name : closed.entries().keySet()) {
                // L1L2 adds three contributions to a weight's gradient; only their order may differ: one float32
                // rounding of the sum per step, well inside Keras's 1e-6 relative.
                if (kind.equals("l1l2")) {
                    assertClose(symbolic.values(name), closed.values(name), 1e-6, name);
                } else {
                    assertArrayEquals(symbolic.values(name), closed.values(name), 0f, name + (adam ? " adam" : " sgd"));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"l1", "l2"})
    void aModelWidePenaltyOnTopOfALayerPenaltyAddsBothGradients(String kind) {
        WeightSet closed = train(mlp(builtIn(kind), builtIn(kind)), false);
        WeightSet symbolic = train(mlp(symbolic(kind), symbolic(kind)), false);
        WeightSet once = train(mlp(builtIn(kind), null), false);
        for (String name : closed.entries().keySet()) {
            assertClose(symbolic.values(name), closed.values(name), 1e-6, name);
        }
        // The model-wide term moved the weights further: dropping it would leave them where one penalty puts them.
        assertTrue(maxDiff(closed.values("dense/kernel"), once.values("dense/kernel")) > 1e-4);
    }

    private static double maxDiff(float[] a, float[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    private static void assertClose(float[] expected, float[] actual, double rel, String name) {
        assertEquals(expected.length, actual.length, name);
        for (int i = 0; i < expected.length; i++) {
            double tol = rel * Math.max(Math.abs(expected[i]), 1e-3);
            assertEquals(expected[i], actual[i], tol, name + "[" + i + "]");
        }
    }
}
