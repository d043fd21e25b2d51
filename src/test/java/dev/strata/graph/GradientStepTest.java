package dev.strata.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.layers.Dense;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Regularizer;
import dev.strata.spec.Regularizers;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.testing.Fixtures;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.Model;
import org.junit.jupiter.api.Test;

/**
 * One plain-SGD step moves each weight by {@code -lr * (dL/dw + dPenalty/dw)}: the regularization part of
 * the gradient is there, exactly. The data gradient of a linear layer under MSE is computed by hand.
 */
class GradientStepTest {
    private static final int N = 6;
    private static final float LR = 0.1f;

    private record Step(float[][] w, float[] b, float[][] wAfter, float[] bAfter, float[][] dataGradW, float[] dataGradB) {
    }

    private static Step oneStep(Regularizer kernelReg, Regularizer biasReg) {
        float[][] x = Fixtures.uniform(N, 3, 21);
        float[][] y = Fixtures.uniform(N, 2, 22);
        float[][] w = Fixtures.uniform(3, 2, 23);
        float[] b = {0.4f, -0.7f};
        Dense dense = Dense.units(2).kernelRegularizer(kernelReg).biasRegularizer(biasReg);
        Sequential spec = Sequential.create().input(3).add(dense);
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(LR), Loss.meanSquaredError()))) {
            m.setWeights(Fixtures.weights("dense/kernel", w, "dense/bias", b));
            m.fit(Dataset.of(x, y), FitOptions.epochs(1).batchSize(N).shuffle(false).quiet());
            WeightSet after = m.weights();
            // L = mean over batch and outputs of (p - y)^2, so dL/dp = 2 (p - y) / (N * 2).
            float[][] gw = new float[3][2];
            float[] gb = new float[2];
            for (int n = 0; n < N; n++) {
                for (int j = 0; j < 2; j++) {
                    double p = b[j];
                    for (int i = 0; i < 3; i++) {
                        p += x[n][i] * w[i][j];
                    }
                    double dp = 2 * (p - y[n][j]) / (N * 2.0);
                    for (int i = 0; i < 3; i++) {
                        gw[i][j] += (float) (dp * x[n][i]);
                    }
                    gb[j] += (float) dp;
                }
            }
            float[] flatW = after.values("dense/kernel");
            float[][] wAfter = new float[3][2];
            for (int i = 0; i < 3; i++) {
                System.arraycopy(flatW, i * 2, wAfter[i], 0, 2);
            }
            return new Step(w, b, wAfter, after.values("dense/bias"), gw, gb);
        }
    }

    private static void assertMoved(double before, double dataGrad, double penaltyGrad, double after) {
        double expected = before - LR * (dataGrad + penaltyGrad);
        assertEquals(expected, after, 2e-6, "w=" + before + " data grad=" + dataGrad + " penalty grad=" + penaltyGrad);
    }

    @Test
    void l2AddsTwiceFactorTimesWeight() {
        double l2 = 0.05;
        Step s = oneStep(Regularizers.l2(l2), Regularizers.l2(0.2));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                assertMoved(s.w[i][j], s.dataGradW[i][j], 2 * l2 * s.w[i][j], s.wAfter[i][j]);
            }
        }
        for (int j = 0; j < 2; j++) {
            assertMoved(s.b[j], s.dataGradB[j], 2 * 0.2 * s.b[j], s.bAfter[j]);
        }
    }

    @Test
    void l1AddsFactorTimesSign() {
        double l1 = 0.03;
        Step s = oneStep(Regularizers.l1(l1), null);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                assertMoved(s.w[i][j], s.dataGradW[i][j], l1 * Math.signum(s.w[i][j]), s.wAfter[i][j]);
            }
        }
        for (int j = 0; j < 2; j++) {
            assertMoved(s.b[j], s.dataGradB[j], 0, s.bAfter[j]);
        }
    }

    @Test
    void l1l2AddsBothParts() {
        Step s = oneStep(Regularizers.l1l2(0.01, 0.04), Regularizers.l1(0.5));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                double pen = 0.01 * Math.signum(s.w[i][j]) + 2 * 0.04 * s.w[i][j];
                assertMoved(s.w[i][j], s.dataGradW[i][j], pen, s.wAfter[i][j]);
            }
        }
        for (int j = 0; j < 2; j++) {
            assertMoved(s.b[j], s.dataGradB[j], 0.5 * Math.signum(s.b[j]), s.bAfter[j]);
        }
    }

    @Test
    void withoutRegularizationOnlyTheDataGradientMoves() {
        Step s = oneStep(null, null);
        double moved = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                assertMoved(s.w[i][j], s.dataGradW[i][j], 0, s.wAfter[i][j]);
                moved += Math.abs(s.wAfter[i][j] - s.w[i][j]);
            }
        }
        assertTrue(moved > 1e-3, "the step must move the weights");
    }
}
