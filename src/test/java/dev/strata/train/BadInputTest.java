package dev.strata.train;

import static dev.strata.spec.Regularizers.orthogonal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.Activation;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Inputs TensorFlow would reject natively are caught in Java with a message that says what to fix. */
class BadInputTest {
    private static final TrainingConfig MSE = TrainingConfig.of(Optimizer.sgd(), Loss.meanSquaredError());

    @Test
    void sparseLossNeedsAClassAxisOutput() {
        Sequential spec = Sequential.create().input(3, 4).add(Dense.units(2));
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> Model.compile(spec,
                TrainingConfig.of(Optimizer.sgd(), Loss.sparseCategoricalCrossentropy())));
        assertEquals("loss", e.field());
        assertTrue(e.getMessage().contains("(None, 3, 2)"), e.getMessage());
    }

    @Test
    void confusionMetricsWithSparseLabelsAreRejectedBeforeAnyGraphIsBuilt() {
        Sequential spec = Sequential.create().input(4).add(Dense.units(3).activation(Activation.SOFTMAX));
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> dev.strata.graph.GraphCompiler.check(
                spec, TrainingConfig.of(Optimizer.sgd(), Loss.sparseCategoricalCrossentropy(),
                        dev.strata.spec.Metric.AUC)));
        assertEquals("metrics", e.field());
        assertTrue(e.problem().startsWith("auc needs targets shaped like the model output"), e.problem());
    }

    @Test
    void orthogonalRegularizerNeedsARank2WeightWithTwoRows() {
        Sequential spec = Sequential.create().input(4).add(Dense.units(3).biasRegularizer(orthogonal()));
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> Model.compile(spec, MSE));
        assertEquals("bias_regularizer", e.field());
        assertEquals("layer 'dense' (Dense, layers[0])", e.where());
    }

    @Test
    void orthogonalActivityRegularizerIsRejected() {
        Sequential spec = Sequential.create().input(4).add(Dense.units(3).activityRegularizer(orthogonal()));
        assertEquals("activity_regularizer", assertThrows(InvalidSpecException.class,
                () -> Model.compile(spec, MSE)).field());
    }

    @Test
    void wrongInputWidthIsReportedBeforeTensorFlowSeesIt() {
        Sequential spec = Sequential.named("m").input(4).add(Dense.units(2));
        try (Model m = Model.compile(spec, MSE)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.fit(Fixtures.uniform(8, 5, 1), Fixtures.uniform(8, 2, 2), FitOptions.epochs(1).quiet()));
            assertTrue(e.getMessage().contains("expects (None, 4)"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> m.predict(Fixtures.uniform(2, 3, 1)));
        }
    }

    @Test
    void wrongTargetWidthIsReported() {
        Sequential spec = Sequential.create().input(4).add(Dense.units(3).activation(Activation.SOFTMAX));
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(), Loss.categoricalCrossentropy()))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.evaluate(Dataset.of(Fixtures.uniform(8, 4, 1), Fixtures.uniform(8, 2, 2))));
            assertTrue(e.getMessage().contains("targets have shape (None, 2)"), e.getMessage());
        }
    }

    @Test
    void raggedRowsAndMismatchedCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Dataset.of(new float[][] {{1, 2}, {3}}, new float[][] {{1}, {2}}));
        assertThrows(IllegalArgumentException.class, () -> Dataset.of(new float[][] {{1, 2}}, new float[][] {{1}, {2}}));
        assertThrows(IllegalArgumentException.class, () -> Dataset.of(new float[5], TensorShape.of(2), new float[2],
                TensorShape.of(1)));
    }

    @Test
    void weightsOfTheWrongShapeAreRejected() {
        Sequential spec = Sequential.create().input(4).add(Dense.units(2));
        try (Model m = Model.compile(spec, MSE)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.setWeights(
                    Fixtures.weights("dense/kernel", Fixtures.uniform(3, 2, 1), "dense/bias", new float[2])));
            assertTrue(e.getMessage().contains("dense/kernel"), e.getMessage());
        }
    }
}
