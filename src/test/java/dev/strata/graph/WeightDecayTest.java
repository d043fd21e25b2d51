package dev.strata.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.Activation;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Regularizers;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.testing.Fixtures;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.Model;
import org.junit.jupiter.api.Test;

/**
 * Decoupled weight decay ({@code w -= lr * wd * w} before the update, Keras 3) against an L2 penalty: for
 * plain SGD they are the same update when {@code wd = 2 * l2}; for Adam they are not, because Adam rescales
 * the penalty's gradient but not the decay.
 */
class WeightDecayTest {
    private static final float[][] X = Fixtures.uniform(16, 3, 31);
    private static final float[][] Y = Fixtures.uniform(16, 2, 32);

    private static WeightSet train(double l2, Optimizer optimizer) {
        Sequential spec = Sequential.create().input(3)
                .add(Dense.units(4).activation(Activation.TANH).kernelRegularizer(l2 > 0 ? Regularizers.l2(l2) : null)
                        .biasRegularizer(l2 > 0 ? Regularizers.l2(l2) : null))
                .add(Dense.units(2).kernelRegularizer(l2 > 0 ? Regularizers.l2(l2) : null)
                        .biasRegularizer(l2 > 0 ? Regularizers.l2(l2) : null));
        try (Model m = Model.compile(spec, TrainingConfig.of(optimizer, Loss.meanSquaredError()))) {
            m.fit(Dataset.of(X, Y), FitOptions.epochs(5).batchSize(4).shuffle(false).quiet());
            return m.weights();
        }
    }

    private static double maxDifference(WeightSet a, WeightSet b) {
        double max = 0;
        for (String name : a.entries().keySet()) {
            float[] x = a.values(name);
            float[] y = b.values(name);
            for (int i = 0; i < x.length; i++) {
                max = Math.max(max, Math.abs(x[i] - y[i]));
            }
        }
        return max;
    }

    @Test
    void forPlainSgdWeightDecayEqualsL2WithHalfTheFactor() {
        double l2 = 0.05;
        WeightSet penalty = train(l2, Optimizer.sgd(0.1));
        WeightSet decay = train(0, Optimizer.sgd(0.1).weightDecay(2 * l2));
        WeightSet neither = train(0, Optimizer.sgd(0.1));
        assertTrue(maxDifference(penalty, decay) < 1e-6, "SGD: L2 vs decay differ by " + maxDifference(penalty, decay));
        assertTrue(maxDifference(penalty, neither) > 1e-3, "the regularization must matter in this test");
    }

    @Test
    void forAdamWeightDecayAndL2Differ() {
        double l2 = 0.05;
        WeightSet penalty = train(l2, Optimizer.adam(0.05));
        WeightSet decay = train(0, Optimizer.adam(0.05).weightDecay(2 * l2));
        WeightSet neither = train(0, Optimizer.adam(0.05));
        double apart = maxDifference(penalty, decay);
        assertTrue(apart > 1e-2, "Adam: L2 and decoupled decay should differ, max difference " + apart);
        assertTrue(maxDifference(decay, neither) > 1e-3, "decay must change Adam's weights");
    }

    @Test
    void oneSgdStepWithDecayShrinksTheWeightBeforeTheGradientStep() {
        float[][] w = {{0.5f}, {-1.0f}};
        Sequential spec = Sequential.create().input(2).add(Dense.units(1).useBias(false));
        float[][] x = {{1f, 2f}};
        float[][] y = {{0.25f}};
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(0.1).weightDecay(0.3),
                Loss.meanSquaredError()))) {
            m.setWeights(Fixtures.weights("dense/kernel", w));
            m.fit(x, y, FitOptions.epochs(1).batchSize(1).quiet());
            float[] after = m.weights().values("dense/kernel");
            double p = 0.5 * 1 + -1.0 * 2;
            double[] grad = {2 * (p - 0.25) * 1, 2 * (p - 0.25) * 2};
            for (int i = 0; i < 2; i++) {
                double decayed = w[i][0] - 0.1 * 0.3 * w[i][0];
                assertEquals(decayed - 0.1 * grad[i], after[i], 1e-6);
            }
        }
    }
}
