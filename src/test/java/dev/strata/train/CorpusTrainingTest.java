package dev.strata.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.graph.WeightSet;
import dev.strata.json.ModelJson;
import dev.strata.spec.FunctionalInput;
import dev.strata.spec.Loss;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.Optimizer;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every real Keras file Strata loads also trains: each of the corpus's loadable models up to a few million
 * parameters (merges, residual blocks, nested models, several inputs and outputs) predicts outputs of the shapes
 * its summary states and takes an SGD epoch that changes its trainable weights and nothing else. Values are
 * checked against Keras elsewhere (golden tests); this proves the breadth compiles and runs.
 */
class CorpusTrainingTest {
    private static final Path CORPUS = Path.of("../shared/keras-corpus");
    private static final long MAX_PARAMS = 3_000_000;
    private static final int STEPS = 6;
    /** Files whose gradients are zero (or below float32 resolution) in Keras as well, and why. */
    private static final java.util.Map<String, String> NO_STEP = java.util.Map.of(
            "fast-style-transfer_keras2131_module-format.json", "a 40-layer decoder without biases or normalization, "
                    + "meant for trained weights: from Glorot initial values its output is about 1e-6, so one small "
                    + "step moves no weight by a float32 ulp",
            "tfjs-layers-test_functional-with-nested-sequential.json", "its output is a softmax over one unit, "
                    + "constant 1, so every gradient is zero");

    @Test
    void everyLoadableCorpusModelPredictsAndTrains() throws IOException {
        assertTrue(Files.isDirectory(CORPUS), "the shared Keras corpus must be at " + CORPUS.toAbsolutePath());
        List<String> trained = new ArrayList<>();
        for (String name : dev.strata.json.KerasCorpusAccess.loadable()) {
            ModelSpec spec = ModelJson.read(CORPUS.resolve(name)).spec();
            ModelSummary summary = spec.summary();
            if (summary.totalParams() > MAX_PARAMS) {
                continue;
            }
            checkTrains(name, spec, summary);
            trained.add(name);
        }
        assertTrue(trained.size() >= 30, "trained " + trained.size() + ": " + trained);
    }

    private static void checkTrains(String name, ModelSpec spec, ModelSummary summary) {
        int n = 4;
        Random rnd = new Random(name.hashCode());
        List<float[]> xs = new ArrayList<>();
        List<TensorShape> xShapes = new ArrayList<>();
        for (FunctionalInput in : summary.inputs()) {
            TensorShape shape = concrete(in.shape());
            xs.add(uniform(rnd, n * (int) shape.size()));
            xShapes.add(shape);
        }
        List<float[]> ys = new ArrayList<>();
        List<TensorShape> yShapes = new ArrayList<>();
        for (TensorShape out : summary.outputShapes()) {
            TensorShape shape = concrete(out);
            ys.add(uniform(rnd, n * (int) shape.size()));
            yShapes.add(shape);
        }
        Dataset data = Dataset.of(xs, xShapes, ys, yShapes);
        TrainingConfig config = TrainingConfig.of(Optimizer.sgd(1e-3), Loss.meanSquaredError());
        try (Model m = Model.compile(spec, config)) {
            List<float[][]> out = m.predictAll(data, n);
            for (int k = 0; k < out.size(); k++) {
                assertEquals(n, out.get(k).length, name);
                assertEquals(yShapes.get(k).size(), out.get(k)[0].length, name + " output " + k);
                for (float[] row : out.get(k)) {
                    for (float v : row) {
                        assertTrue(Float.isFinite(v), name + ": prediction " + v);
                    }
                }
            }
            WeightSet before = m.weights();
            History h = m.fit(data, FitOptions.epochs(1).batchSize(n).shuffle(false).quiet());
            assertTrue(Double.isFinite(h.get("loss")[0]), name + ": loss " + h.get("loss")[0]);
            WeightSet after = m.weights();
            if (summary.trainableParams() > 0 && !NO_STEP.containsKey(name)) {
                assertFalse(after.sameAs(before), name + ": an epoch changed no weight");
            }
        }
    }

    /** Sequences of unknown length get {@link #STEPS} steps (their outputs too: the corpus's keep the length). */
    private static TensorShape concrete(TensorShape shape) {
        int[] dims = shape.dims().clone();
        for (int d = 0; d < dims.length; d++) {
            dims[d] = dims[d] == TensorShape.UNKNOWN ? STEPS : dims[d];
        }
        return TensorShape.of(dims);
    }

    private static float[] uniform(Random rnd, int size) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) {
            a[i] = rnd.nextFloat() * 2 - 1;
        }
        return a;
    }
}
