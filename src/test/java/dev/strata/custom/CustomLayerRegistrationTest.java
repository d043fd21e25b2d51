package dev.strata.custom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.graph.Kernels;
import dev.strata.graph.WeightSet;
import dev.strata.json.JsonSpecException;
import dev.strata.json.ModelJson;
import dev.strata.spec.LayerRegistry;
import dev.strata.spec.Loss;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.NestedModel;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A user registers a Java spec and kernel for a custom Keras class, and a real file that uses it loads and trains:
 * DEC-Keras's model (a Keras 2.0.6 Sequential holding a nested encoder Sequential and a ClusteringLayer), from the
 * shared corpus. Without the registration the same file is refused, naming the class.
 */
class CustomLayerRegistrationTest {
    private static final Path DEC = Path.of("../shared/keras-corpus/DEC-Keras_custom-clustering-layer_nested-sequential.json");

    @Test
    void aRegisteredCustomLayerMakesTheDecFileLoadAndTrain() throws IOException {
        assertTrue(Files.isRegularFile(DEC), "the shared Keras corpus must hold " + DEC.toAbsolutePath());
        JsonSpecException before = assertThrows(JsonSpecException.class, () -> ModelJson.read(DEC));
        assertTrue(before.getMessage().contains("ClusteringLayer"), before.getMessage());

        Kernels.register(ClusteringLayer.TYPE, new ClusteringLayerKernel());
        try (LayerRegistry.Registration r = LayerRegistry.register(ClusteringLayer.TYPE)) {
            ModelSpec spec = ModelJson.read(DEC).spec();
            ModelSummary s = spec.summary();
            // encoder 39-500-500-2000-10, then 100 centres of 10 features
            long encoder = 39 * 500 + 500 + 500 * 500 + 500 + 500 * 2000 + 2000 + 2000 * 10 + 10;
            assertEquals(encoder, s.layers().get(0).paramCount());
            assertEquals(NestedModel.class, s.layers().get(0).layer().getClass());
            ClusteringLayer clustering = (ClusteringLayer) s.layers().get(1).layer();
            assertEquals(100, clustering.outputDim());
            assertEquals(1.0, clustering.alpha());
            assertEquals(encoder + 100 * 10, s.totalParams());
            assertEquals(spec, ModelJson.read(ModelJson.write(spec)).spec(), "round trip");
        }
        assertThrows(JsonSpecException.class, () -> ModelJson.read(DEC), "unregistered again");
    }

    /** Student's t soft assignment, by hand: centres (0,0), (1,0), (0,2); alpha 1 gives q ~ 1 / (1 + d^2). */
    @Test
    void theKernelComputesTheSoftAssignmentAndTrains() {
        Kernels.register(ClusteringLayer.TYPE, new ClusteringLayerKernel());
        Sequential spec = Sequential.named("dec").input(2).add(ClusteringLayer.clusters(3).withName("clustering"));
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(0.5), Loss.meanSquaredError()))) {
            Map<String, WeightSet.Entry> w = new LinkedHashMap<>();
            w.put("clustering/clusters", new WeightSet.Entry(new long[] {3, 2}, new float[] {0, 0, 1, 0, 0, 2}));
            m.setWeights(new WeightSet(w));
            float[][] q = m.predict(new float[][] {{1, 1}});
            double[] raw = {1 / (1 + 2.0), 1 / (1 + 1.0), 1 / (1 + 2.0)};
            double sum = raw[0] + raw[1] + raw[2];
            assertArrayEquals(new float[] {(float) (raw[0] / sum), (float) (raw[1] / sum), (float) (raw[2] / sum)},
                    q[0], 1e-6f);
            m.fit(Dataset.of(new float[][] {{1, 1}}, new float[][] {{0, 1, 0}}), FitOptions.epochs(3).batchSize(1)
                    .quiet());
            float[][] after = m.predict(new float[][] {{1, 1}});
            assertTrue(after[0][1] > q[0][1], "training pulls the example towards centre 1: " + after[0][1]);
        }
    }
}
