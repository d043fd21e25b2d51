package dev.strata.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.graph.GraphCompiler;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Reshape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loss specs: Keras's names and defaults, the fluent options, and bad arguments refused with owner and field. */
class LossSpecTest {

    @Test
    void namesAreKerasFunctionAndClassNames() {
        assertEquals("mean_squared_error", Loss.meanSquaredError().kerasName());
        assertEquals("MeanSquaredError", Loss.meanSquaredError().className());
        assertEquals("kl_divergence", Loss.klDivergence().kerasName(), "not k_l_divergence");
        assertEquals("KLDivergence", Loss.klDivergence().className());
        assertEquals("log_cosh", Loss.logCosh().kerasName());
        assertEquals("huber", Loss.huber().kerasName());
        assertEquals("binary_focal_crossentropy", Loss.binaryFocalCrossentropy().kerasName());
        assertEquals("mean_absolute_percentage_error", Loss.meanAbsolutePercentageError().kerasName());
        assertEquals("sparse_categorical_crossentropy", Loss.sparseCategoricalCrossentropy().kerasName());
    }

    @Test
    void kerasDefaultsAndFluentOptions() {
        assertEquals(new Loss.Huber(1.0, Reduction.SUM_OVER_BATCH_SIZE), Loss.huber());
        assertEquals(new Loss.CosineSimilarity(-1, Reduction.SUM_OVER_BATCH_SIZE), Loss.cosineSimilarity());
        assertEquals(new Loss.BinaryFocalCrossentropy(false, 0.25, 2.0, false, 0, Reduction.SUM_OVER_BATCH_SIZE),
                Loss.binaryFocalCrossentropy());
        assertEquals(new Loss.SparseCategoricalCrossentropy(true, Reduction.SUM_OVER_BATCH_SIZE),
                Loss.sparseCategoricalCrossentropy().fromLogits(true));
        assertEquals(new Loss.BinaryCrossentropy(true, 0.1, Reduction.SUM),
                Loss.binaryCrossentropy().fromLogits(true).labelSmoothing(0.1).reduction(Reduction.SUM));
        assertEquals(new Loss.CategoricalCrossentropy(false, 0.2), Loss.categoricalCrossentropy().labelSmoothing(0.2));
        assertEquals(new Loss.Huber(0.5, Reduction.MEAN), Loss.huber().delta(0.5).reduction(Reduction.MEAN));
        assertEquals(3, Loss.cosineSimilarity().axis(3).axis());
        assertFalse(Loss.binaryCrossentropy().fromLogits(true).fromLogits(false).fromLogits());
        Loss.BinaryFocalCrossentropy f = Loss.binaryFocalCrossentropy().applyClassBalancing(true).alpha(0.4)
                .gamma(0.0).fromLogits(true).labelSmoothing(0.05);
        assertEquals(List.of(true, 0.4, 0.0, true, 0.05), List.of(f.applyClassBalancing(), f.alpha(), f.gamma(),
                f.fromLogits(), f.labelSmoothing()));
        assertTrue(f.isClassification());
        assertFalse(Loss.hinge().isClassification());
    }

    @Test
    void badArgumentsNameTheLossAndTheField() {
        InvalidSpecException delta = assertThrows(InvalidSpecException.class, () -> Loss.huber(0));
        assertEquals("Huber", delta.where());
        assertEquals("delta", delta.field());
        assertEquals("gamma", assertThrows(InvalidSpecException.class,
                () -> Loss.binaryFocalCrossentropy().gamma(-1)).field());
        assertEquals("alpha", assertThrows(InvalidSpecException.class,
                () -> Loss.binaryFocalCrossentropy().alpha(Double.NaN)).field());
        assertEquals("label_smoothing", assertThrows(InvalidSpecException.class,
                () -> Loss.binaryFocalCrossentropy().labelSmoothing(1.0)).field());
        InvalidSpecException none = assertThrows(InvalidSpecException.class, () -> Loss.poisson().reduction(null));
        assertEquals("Poisson", none.where());
        assertEquals("reduction", none.field());
    }

    @Test
    void reductionNames() {
        assertEquals(Reduction.SUM_OVER_BATCH_SIZE, Reduction.fromKerasName("auto"));
        assertEquals(Reduction.SUM, Reduction.fromKerasName("SUM"));
        assertEquals(Reduction.MEAN_WITH_SAMPLE_WEIGHT, Reduction.fromKerasName("mean_with_sample_weight"));
        assertTrue(assertThrows(SpecException.class, () -> Reduction.fromKerasName("none")).getMessage()
                .contains("training needs one number"));
        assertTrue(assertThrows(SpecException.class, () -> Reduction.fromKerasName(null)).getMessage()
                .contains("'none'"));
        assertTrue(Reduction.SUM.sums());
        assertFalse(Reduction.MEAN.sums());
    }

    @Test
    void accuracyResolvesByLoss() {
        assertEquals(Metric.BINARY_ACCURACY, Metric.ACCURACY.resolve(Loss.binaryFocalCrossentropy()));
        assertEquals(Metric.BINARY_ACCURACY, Metric.ACCURACY.resolve(Loss.hinge()));
        assertEquals(Metric.BINARY_ACCURACY, Metric.ACCURACY.resolve(Loss.squaredHinge()));
        assertEquals(Metric.CATEGORICAL_ACCURACY, Metric.ACCURACY.resolve(Loss.categoricalHinge()));
        assertEquals(Metric.CATEGORICAL_ACCURACY, Metric.ACCURACY.resolve(Loss.klDivergence()));
    }

    @Test
    void cosineAxisMustNameANonBatchAxisOfTheOutput() {
        Sequential seq = Sequential.named("m").input(4).add(Dense.units(6)).add(Reshape.to(2, 3));
        GraphCompiler.check(seq, TrainingConfig.of(Optimizer.sgd(0.1), Loss.cosineSimilarity().axis(1)));
        GraphCompiler.check(seq, TrainingConfig.of(Optimizer.sgd(0.1), Loss.cosineSimilarity().axis(-2)));
        InvalidSpecException batch = assertThrows(InvalidSpecException.class, () -> GraphCompiler.check(seq,
                TrainingConfig.of(Optimizer.sgd(0.1), Loss.cosineSimilarity().axis(0))));
        assertEquals("model 'm'", batch.where());
        assertEquals("loss", batch.field());
        assertTrue(batch.problem().contains("batch axis"), batch.problem());
        assertThrows(InvalidSpecException.class, () -> GraphCompiler.check(seq,
                TrainingConfig.of(Optimizer.sgd(0.1), Loss.cosineSimilarity().axis(3))));
        assertThrows(InvalidSpecException.class, () -> GraphCompiler.check(seq,
                TrainingConfig.of(Optimizer.sgd(0.1), Loss.cosineSimilarity().axis(-3))));
    }
}
