package dev.strata.io;

import static dev.strata.spec.Regularizers.l2;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.json.ModelJson;
import dev.strata.json.ReadResult;
import dev.strata.spec.Activation;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Dropout;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.testing.Fixtures;
import dev.strata.train.FitOptions;
import dev.strata.train.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JSON spec file plus a weights file is a complete model: it predicts exactly what the trained one did. */
class SpecPlusWeightsTest {
    @Test
    void jsonSpecAndWeightsFileRebuildTheTrainedModel(@TempDir Path dir) throws Exception {
        Sequential spec = Sequential.named("saved").input(4)
                .add(Dense.units(12).activation(Activation.RELU).kernelRegularizer(l2(0.01)))
                .add(Dropout.rate(0.2))
                .add(Dense.units(3).activation(Activation.SOFTMAX));
        TrainingConfig config = TrainingConfig.of(Optimizer.adam(0.01), Loss.categoricalCrossentropy(), Metric.ACCURACY);
        float[][] x = Fixtures.uniform(40, 4, 3);
        Path json = dir.resolve("model.json");
        Path weights = dir.resolve("model.weights");
        float[][] expected;
        try (Model trained = Model.compile(spec, config)) {
            trained.fit(x, Fixtures.threeClasses(x), FitOptions.epochs(5).batchSize(8).quiet());
            expected = trained.predict(x);
            Files.writeString(json, ModelJson.write(spec, config, dev.strata.json.Dialect.KERAS3));
            Checkpoints.saveWeights(trained, weights);
        }
        ReadResult read = ModelJson.read(json);
        assertEquals(spec, read.spec());
        try (Model restored = Model.compile(read.spec(), read.training().orElseThrow(),
                dev.strata.train.ModelOptions.defaults().seed(99))) {
            Checkpoints.loadWeights(restored, weights);
            assertArrayEquals(Fixtures.flat(expected), Fixtures.flat(restored.predict(x)), 0f);
        }
        // Weights alone also feed an export, with no training model at all.
        Path export = dir.resolve("export");
        SavedModelExport.export(read.spec(), Checkpoints.readWeights(weights, read.spec()), export);
        assertEquals(true, Files.isRegularFile(export.resolve("saved_model.pb")));
    }

    @Test
    void weightsOfAnotherSpecAreRefusedByName(@TempDir Path dir) {
        Sequential a = Sequential.named("a").input(4).add(Dense.units(3));
        Sequential b = Sequential.named("b").input(4).add(Dense.units(5));
        Path weights = dir.resolve("a.weights");
        TrainingConfig config = TrainingConfig.of(Optimizer.sgd(), Loss.meanSquaredError());
        try (Model m = Model.compile(a, config)) {
            Checkpoints.saveWeights(m, weights);
        }
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.readWeights(weights, b));
        assertEquals(CheckpointException.Reason.INCOMPATIBLE, e.reason());
    }
}
