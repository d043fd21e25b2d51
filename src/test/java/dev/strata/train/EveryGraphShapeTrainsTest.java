package dev.strata.train;

import static dev.strata.spec.Regularizers.l1;
import static dev.strata.spec.Regularizers.l1l2;
import static dev.strata.spec.Regularizers.l2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.Activation;
import dev.strata.spec.layers.ActivationLayer;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Dropout;
import dev.strata.spec.layers.Flatten;
import dev.strata.spec.Initializer;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.ModelPenalty;
import dev.strata.spec.Optimizer;
import dev.strata.spec.OrthogonalRegularizer;
import dev.strata.spec.Regularizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every graph shape a user can build trains: each layer, activation, loss, optimizer and regularizer
 * position, with the loss trajectory checked (it falls, stays finite, and the reported parts add up).
 */
class EveryGraphShapeTrainsTest {
    private static final float[][] X = Fixtures.uniform(48, 4, 101);
    private static final float[][] Y3 = Fixtures.threeClasses(X);

    private enum Task { REGRESSION, BINARY, CATEGORICAL, SPARSE }

    private static Dataset data(Task task) {
        return switch (task) {
            case REGRESSION -> {
                float[][] y = new float[X.length][2];
                for (int i = 0; i < X.length; i++) {
                    y[i][0] = X[i][0] * 0.8f - X[i][1] * 0.5f + 0.3f;
                    y[i][1] = X[i][2] * X[i][3];
                }
                yield Dataset.of(X, y);
            }
            case BINARY -> {
                float[][] y = new float[X.length][1];
                for (int i = 0; i < X.length; i++) {
                    y[i][0] = X[i][0] + X[i][2] > 0 ? 1 : 0;
                }
                yield Dataset.of(X, y);
            }
            case CATEGORICAL -> Dataset.of(X, Y3);
            case SPARSE -> {
                int[] labels = new int[X.length];
                for (int i = 0; i < X.length; i++) {
                    for (int c = 0; c < 3; c++) {
                        labels[i] = Y3[i][c] == 1 ? c : labels[i];
                    }
                }
                yield Dataset.of(X, labels);
            }
        };
    }

    private static Arguments regularized(String where, Regularizer r) {
        Dense hidden = Dense.units(8).activation(Activation.TANH);
        hidden = switch (where) {
            case "kernel" -> hidden.kernelRegularizer(r);
            case "bias" -> hidden.biasRegularizer(r);
            default -> hidden.activityRegularizer(r);
        };
        Sequential s = Sequential.create().input(4).add(hidden).add(Dense.units(3).activation(Activation.SOFTMAX));
        return Arguments.of(r.kerasClassName() + " on " + where, s, Loss.categoricalCrossentropy(), Optimizer.adam(0.02),
                Task.CATEGORICAL);
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String where : List.of("kernel", "bias", "activity")) {
            for (Regularizer r : List.of(l1(0.01), l2(0.01), l1l2(0.01, 0.01))) {
                all.add(regularized(where, r));
            }
        }
        all.add(regularized("kernel", new OrthogonalRegularizer(0.05, OrthogonalRegularizer.Mode.ROWS)));
        all.add(regularized("kernel", new OrthogonalRegularizer(0.05, OrthogonalRegularizer.Mode.COLUMNS)));
        Sequential mlp = Sequential.create().input(4).add(Dense.units(8).activation(Activation.RELU));
        for (Activation a : Activation.values()) {
            if (a == Activation.EXPONENTIAL) {
                continue; // covered below with a bounded input, exp of a trained pre-activation can overflow
            }
            all.add(Arguments.of("activation " + a.kerasName(), Sequential.create().input(4)
                    .add(Dense.units(8).activation(a)).add(Dense.units(2)), Loss.meanSquaredError(),
                    Optimizer.adam(0.01), Task.REGRESSION));
        }
        all.add(Arguments.of("activation exponential", Sequential.create().input(4)
                .add(Dense.units(8).activation(Activation.EXPONENTIAL).kernelInitializer(Initializer.constant(0.05)))
                .add(Dense.units(2)), Loss.meanSquaredError(), Optimizer.sgd(0.02), Task.REGRESSION));
        all.add(Arguments.of("mse + sgd", mlp.add(Dense.units(2)), Loss.meanSquaredError(), Optimizer.sgd(0.1),
                Task.REGRESSION));
        all.add(Arguments.of("mae + momentum", mlp.add(Dense.units(2)), Loss.meanAbsoluteError(),
                Optimizer.sgd(0.05).momentum(0.9), Task.REGRESSION));
        all.add(Arguments.of("mse + nesterov", mlp.add(Dense.units(2)), Loss.meanSquaredError(),
                Optimizer.sgd(0.05).momentum(0.9).nesterov(true), Task.REGRESSION));
        all.add(Arguments.of("mse + sgd weight decay", mlp.add(Dense.units(2)), Loss.meanSquaredError(),
                Optimizer.sgd(0.1).weightDecay(0.01), Task.REGRESSION));
        all.add(Arguments.of("mse + adamw", mlp.add(Dense.units(2)), Loss.meanSquaredError(), Optimizer.adamW(0.02),
                Task.REGRESSION));
        all.add(Arguments.of("bce from sigmoid", mlp.add(Dense.units(1).activation(Activation.SIGMOID)),
                Loss.binaryCrossentropy(), Optimizer.adam(0.02), Task.BINARY));
        all.add(Arguments.of("bce from logits", mlp.add(Dense.units(1)),
                new Loss.BinaryCrossentropy(true, 0), Optimizer.adam(0.02), Task.BINARY));
        all.add(Arguments.of("bce from clipped probabilities (hard sigmoid)", mlp.add(Dense.units(1)
                .activation(Activation.HARD_SIGMOID)), new Loss.BinaryCrossentropy(false, 0.1), Optimizer.adam(0.02),
                Task.BINARY));
        all.add(Arguments.of("cce from softmax, label smoothing", mlp.add(Dense.units(3).activation(Activation.SOFTMAX)),
                new Loss.CategoricalCrossentropy(false, 0.1), Optimizer.adam(0.02), Task.CATEGORICAL));
        all.add(Arguments.of("cce from logits", mlp.add(Dense.units(3)), new Loss.CategoricalCrossentropy(true, 0),
                Optimizer.adam(0.02), Task.CATEGORICAL));
        all.add(Arguments.of("cce after an Activation layer", mlp.add(Dense.units(3))
                .add(ActivationLayer.of(Activation.SOFTMAX)), Loss.categoricalCrossentropy(), Optimizer.adam(0.02),
                Task.CATEGORICAL));
        all.add(Arguments.of("cce from normalised probabilities", mlp.add(Dense.units(3).activation(Activation.SIGMOID)),
                Loss.categoricalCrossentropy(), Optimizer.adam(0.02), Task.CATEGORICAL));
        all.add(Arguments.of("sparse cce from softmax", mlp.add(Dense.units(3).activation(Activation.SOFTMAX)),
                Loss.sparseCategoricalCrossentropy(), Optimizer.adam(0.02), Task.SPARSE));
        all.add(Arguments.of("sparse cce from logits", mlp.add(Dense.units(3)),
                new Loss.SparseCategoricalCrossentropy(true), Optimizer.adam(0.02), Task.SPARSE));
        all.add(Arguments.of("sparse cce from probabilities", mlp.add(Dense.units(3).activation(Activation.SIGMOID)),
                Loss.sparseCategoricalCrossentropy(), Optimizer.adam(0.02), Task.SPARSE));
        all.add(Arguments.of("dropout before softmax", mlp.add(Dropout.rate(0.25))
                .add(Dense.units(3).activation(Activation.SOFTMAX)), Loss.categoricalCrossentropy(), Optimizer.adam(0.02),
                Task.CATEGORICAL));
        all.add(Arguments.of("frozen first layer", Sequential.create().input(4)
                .add(Dense.units(8).activation(Activation.RELU).trainable(false).kernelRegularizer(l2(1.0)))
                .add(Dense.units(3).activation(Activation.SOFTMAX)), Loss.categoricalCrossentropy(), Optimizer.adam(0.02),
                Task.CATEGORICAL));
        all.add(Arguments.of("model penalty without biases", mlp.add(Dense.units(3).activation(Activation.SOFTMAX))
                .penalty(ModelPenalty.of(l2(0.001)).withoutBiases()), Loss.categoricalCrossentropy(), Optimizer.adam(0.02),
                Task.CATEGORICAL));
        all.add(Arguments.of("no bias", Sequential.create().input(4).add(Dense.units(8).useBias(false)
                .activation(Activation.RELU)).add(Dense.units(2).useBias(false)), Loss.meanSquaredError(),
                Optimizer.adam(0.02), Task.REGRESSION));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void trainsAndTheLossFalls(String name, Sequential spec, Loss loss, Optimizer optimizer, Task task) {
        Metric metric = task == Task.REGRESSION ? Metric.MEAN_ABSOLUTE_ERROR : Metric.ACCURACY;
        try (Model m = Model.compile(spec, TrainingConfig.of(optimizer, loss, metric), ModelOptions.defaults().seed(3))) {
            Dataset data = data(task);
            Evaluation before = m.evaluate(data);
            History h = m.fit(data, FitOptions.epochs(15).batchSize(12).quiet());
            Evaluation after = m.evaluate(data);
            double[] total = h.get("loss");
            for (int e = 0; e < total.length; e++) {
                assertTrue(Double.isFinite(total[e]), name + ": loss not finite at epoch " + e);
                double parts = h.get("data_loss")[e] + h.get("regularization_loss")[e];
                assertEquals(parts, total[e], 1e-5 * Math.max(1, Math.abs(total[e])), name + ": parts at epoch " + e);
            }
            assertTrue(after.loss() < 0.9 * before.loss(), name + ": evaluate loss " + before.loss() + " -> "
                    + after.loss() + ", history " + java.util.Arrays.toString(total));
            assertTrue(total[total.length - 1] < total[0], name + ": " + java.util.Arrays.toString(total));
            boolean regularized = !m.trainingGraph().regularizationTerms().isEmpty()
                    && !name.startsWith("frozen");
            assertEquals(regularized, after.regularizationLoss() > 0, name + ": regularization " + after);
        }
    }

    @ParameterizedTest(name = "Dense on rank-3 input, then Flatten")
    @MethodSource("rank3")
    void denseAppliesToTheLastAxisOfHigherRankInputs(float[] x, float[] y) {
        Sequential spec = Sequential.create().input(3, 4).add(Dense.units(5).activation(Activation.RELU))
                .add(Flatten.create()).add(Dense.units(1));
        assertEquals(TensorShape.of(3, 5), spec.summary().layers().get(0).outputShape());
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.adam(0.02), Loss.meanSquaredError()))) {
            Dataset data = Dataset.of(x, TensorShape.of(3, 4), y, TensorShape.of(1));
            History h = m.fit(data, FitOptions.epochs(20).batchSize(8).quiet());
            double[] loss = h.get("loss");
            assertTrue(loss[loss.length - 1] < 0.5 * loss[0], java.util.Arrays.toString(loss));
        }
    }

    static Stream<Arguments> rank3() {
        float[][] rows = Fixtures.uniform(32, 12, 77);
        float[] y = new float[32];
        for (int i = 0; i < 32; i++) {
            y[i] = rows[i][0] + rows[i][5] - rows[i][11];
        }
        return Stream.of(Arguments.of(Fixtures.flat(rows), y));
    }
}
