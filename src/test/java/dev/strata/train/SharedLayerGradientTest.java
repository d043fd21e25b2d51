package dev.strata.train;

import static dev.strata.spec.Activation.TANH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.graph.WeightSet;
import dev.strata.spec.Functional;
import dev.strata.spec.Input;
import dev.strata.spec.KerasTensor;
import dev.strata.spec.LayerSummary;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Dense;
import dev.strata.testing.Fixtures;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A layer called at two sites has one set of weights, counted once, and its kernel's gradient is the sum of what
 * each site sends back. Each site feeds its own output, so a zero loss weight silences one site: from the same
 * start, one plain-SGD step with only site A's loss, with only site B's, and with both must move the shared kernel
 * by {@code dA}, {@code dB} and {@code dA + dB} (SGD's step is linear in the gradient), each of them nonzero.
 */
class SharedLayerGradientTest {
    private static final int N = 16;
    private static final float LR = 0.1f;

    private static Functional spec() {
        KerasTensor a = Input.named("a", 4);
        KerasTensor b = Input.named("b", 4);
        Dense shared = Dense.units(5).activation(TANH).name("shared");
        KerasTensor outA = Dense.units(1).name("out_a").apply(shared.apply(a));
        KerasTensor outB = Dense.units(1).name("out_b").apply(shared.apply(b));
        return Functional.of("two_sites", List.of(a, b), List.of(outA, outB));
    }

    private static Dataset data() {
        float[][] a = Fixtures.uniform(N, 4, 31);
        float[][] b = Fixtures.uniform(N, 4, 32);
        float[][] ya = Fixtures.uniform(N, 1, 33);
        float[][] yb = Fixtures.uniform(N, 1, 34);
        return Dataset.of(List.of(Fixtures.flat(a), Fixtures.flat(b)), List.of(TensorShape.of(4), TensorShape.of(4)),
                List.of(Fixtures.flat(ya), Fixtures.flat(yb)), List.of(TensorShape.of(1), TensorShape.of(1)));
    }

    private static TrainingConfig config(double weightA, double weightB) {
        return TrainingConfig.of(Optimizer.sgd(LR)).loss("out_a", Loss.meanSquaredError()).lossWeight("out_a", weightA)
                .loss("out_b", Loss.meanSquaredError()).lossWeight("out_b", weightB);
    }

    /** The model's weights after one full-batch SGD step from {@code start}. */
    private static WeightSet step(WeightSet start, double weightA, double weightB) {
        try (Model m = Model.compile(spec(), config(weightA, weightB))) {
            m.setWeights(start);
            m.fit(data(), FitOptions.epochs(1).batchSize(N).shuffle(false).quiet());
            return m.weights();
        }
    }

    @Test
    void theSharedLayerIsCountedOnce() {
        Functional spec = spec();
        LayerSummary shared = spec.summary().layers().stream().filter(l -> l.layer().name().equals("shared"))
                .findFirst().orElseThrow();
        assertEquals(2, shared.inbound().size(), "two calls of one layer");
        assertEquals(4 * 5 + 5 + 2 * (5 + 1), spec.summary().trainableParams());
        try (Model m = Model.compile(spec, config(1, 1))) {
            assertEquals(Set.of("shared/kernel", "shared/bias", "out_a/kernel", "out_a/bias", "out_b/kernel",
                    "out_b/bias"), m.weights().entries().keySet());
        }
    }

    @Test
    void theSharedKernelGetsTheGradientOfBothSites() {
        WeightSet start;
        try (Model m = Model.compile(spec(), config(1, 1))) {
            start = m.weights();
        }
        WeightSet onlyA = step(start, 1, 0);
        WeightSet onlyB = step(start, 0, 1);
        WeightSet both = step(start, 1, 1);
        // A silenced site's own head gets no gradient: the zero weight does cut that path.
        assertTrue(java.util.Arrays.equals(start.values("out_b/kernel"), onlyA.values("out_b/kernel")));
        assertTrue(java.util.Arrays.equals(start.values("out_a/kernel"), onlyB.values("out_a/kernel")));
        for (String w : List.of("shared/kernel", "shared/bias")) {
            float[] w0 = start.values(w);
            float[] dA = delta(w0, onlyA.values(w));
            float[] dB = delta(w0, onlyB.values(w));
            float[] dBoth = delta(w0, both.values(w));
            assertTrue(norm(dA) > 1e-4, w + ": site A moves it by " + norm(dA));
            assertTrue(norm(dB) > 1e-4, w + ": site B moves it by " + norm(dB));
            for (int i = 0; i < w0.length; i++) {
                assertEquals(dA[i] + dB[i], dBoth[i], 1e-6, w + "[" + i + "]: dA " + dA[i] + ", dB " + dB[i]);
            }
        }
    }

    private static float[] delta(float[] before, float[] after) {
        float[] d = new float[before.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = after[i] - before[i];
        }
        return d;
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
