package dev.strata.io;

import static dev.strata.spec.Regularizers.l1;
import static dev.strata.spec.Regularizers.l1l2;
import static dev.strata.spec.Regularizers.l2;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.graph.Penalties;
import dev.strata.graph.WeightSet;
import dev.strata.spec.Activation;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Dropout;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.ModelPenalty;
import dev.strata.spec.Optimizer;
import dev.strata.spec.OrthogonalRegularizer;
import dev.strata.spec.Regularizers;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.testing.Fixtures;
import dev.strata.train.FitOptions;
import dev.strata.train.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** The SavedModel export predicts what the model predicts and holds nothing of training. */
class SavedModelExportTest {
    /** Op types only training needs: penalties, losses, updates, randomness, and variables (weights are frozen). */
    private static final Set<String> TRAINING_OP_TYPES = Set.of("Abs", "Square", "Sign", "Log", "Log1p", "LogSoftmax",
            "OneHot", "Pack", "ArgMax", "Equal", "Greater", "GreaterEqual", "StatelessRandomUniformV2",
            "StatelessRandomUniform", "RandomUniform", "SoftmaxCrossEntropyWithLogits", "ResourceApplyGradientDescent",
            "ResourceApplyAdam", "ResourceApplyKerasMomentum", "AssignAddVariableOp", "AssignSubVariableOp", "Pow",
            "VarHandleOp", "ReadVariableOp", "AssignVariableOp", "VariableV2", "Assign", "SaveV2", "RestoreV2");
    private static final List<String> TRAINING_WORDS = List.of("regularizer", "penalty", "loss", "optimizer",
            "dropout", "target", "step", "learning_rate", "train", "eval", "io/");

    @TempDir
    Path dir;

    static {
        Penalties.register("io_test>cubic", (tf, w, config) -> tf.math.mul(tf.constant(config.get("k").floatValue()),
                tf.reduceSum(tf.reshape(tf.math.abs(tf.math.mul(w, tf.math.square(w))), tf.constant(new int[] {-1})),
                        tf.constant(0))));
    }

    /** Every kind of regularizer Strata has (L1, L2, L1L2, orthogonal, custom, activity, model-wide) and dropout. */
    private static Sequential regularized() {
        return Sequential.named("net").input(4)
                .add(Dense.units(16).activation(Activation.RELU).kernelRegularizer(l2(0.01)).biasRegularizer(l1(0.01))
                        .activityRegularizer(l1l2(0.001, 0.002)).name("hidden"))
                .add(Dropout.rate(0.3))
                .add(Dense.units(8).activation(Activation.TANH).name("middle")
                        .kernelRegularizer(Regularizers.orthogonal(0.01, OrthogonalRegularizer.Mode.ROWS))
                        .biasRegularizer(Regularizers.custom("io_test>cubic", Map.of("k", 0.1))))
                .add(Dropout.rate(0.1))
                .add(Dense.units(3).activation(Activation.SOFTMAX).kernelRegularizer(l1l2(0.01, 0.02)).name("out"))
                .penalty(ModelPenalty.of(l2(0.001)).withoutBiases());
    }

    private static Sequential plain() {
        return Sequential.named("net").input(4)
                .add(Dense.units(16).activation(Activation.RELU).name("hidden"))
                .add(Dense.units(8).activation(Activation.TANH).name("middle"))
                .add(Dense.units(3).activation(Activation.SOFTMAX).name("out"));
    }

    private static Model trained(Sequential spec) {
        Model m = Model.compile(spec, TrainingConfig.of(Optimizer.adam(0.01), Loss.categoricalCrossentropy(),
                Metric.ACCURACY));
        m.fit(IoFixtures.DATA, FitOptions.epochs(3).batchSize(8).quiet());
        return m;
    }

    private static float[] served(Path export, float[][] x) {
        try (SavedModelBundle b = SavedModelBundle.load(export.toString(), SavedModelExport.TAG);
             TFloat32 in = TFloat32.tensorOf(Shape.of(x.length, x[0].length), DataBuffers.of(Fixtures.flat(x), true,
                     false));
             Result r = b.function(SavedModelExport.SIGNATURE_KEY).call(Map.of(SavedModelExport.INPUT, in))) {
            TFloat32 out = (TFloat32) r.get(SavedModelExport.OUTPUT).orElseThrow();
            float[] values = new float[(int) out.size()];
            out.copyTo(DataBuffers.of(values, false, false));
            return values;
        }
    }

    private static List<GraphOperation> ops(Graph g) {
        List<GraphOperation> all = new ArrayList<>();
        for (Iterator<GraphOperation> it = g.operations(); it.hasNext(); ) {
            all.add(it.next());
        }
        return all;
    }

    private static Map<String, Integer> loadedTypeCounts(Path export) {
        try (SavedModelBundle b = SavedModelBundle.load(export.toString(), SavedModelExport.TAG)) {
            Map<String, Integer> counts = new TreeMap<>();
            ops(b.graph()).forEach(op -> counts.merge(op.type(), 1, Integer::sum));
            return counts;
        }
    }

    @Test
    void servingDefaultPredictsExactlyWhatModelPredictDoes() {
        Path export = dir.resolve("net");
        float[][] x = Fixtures.uniform(33, 4, 12);
        float[][] want;
        try (Model m = trained(regularized())) {
            SavedModelExport.export(m, export);
            want = m.predict(x);
        }
        float[] got = served(export, x);
        float worst = 0;
        float[] flat = Fixtures.flat(want);
        for (int i = 0; i < flat.length; i++) {
            worst = Math.max(worst, Math.abs(flat[i] - got[i]));
        }
        // Same kernels on the same values: equal in practice (0.0 here); 1e-6 leaves room for Grappler rewrites.
        assertArrayEquals(flat, got, 1e-6f, "largest difference " + worst);
    }

    /**
     * Layers may carry any name the graph itself uses ({@code input}, {@code output}, {@code io}, {@code loss},
     * {@code init}, {@code train_step}, ...) or one TensorFlow refuses as an op name: layer scopes live under their
     * own parent, so training, predict and export all work and export still predicts what predict does.
     */
    @Test
    void layersNamedLikeTheGraphsOwnOpsExportAndPredict() {
        Sequential spec = Sequential.named("net").input(4)
                .add(Dense.units(6).activation(Activation.RELU).name("input").kernelRegularizer(l2(0.01)))
                .add(Dense.units(6).activation(Activation.RELU).name("io"))
                .add(Dense.units(6).activation(Activation.RELU).name("train_step"))
                .add(Dropout.rate(0.2).name("loss"))
                .add(Dense.units(6).activation(Activation.RELU).name("init"))
                .add(Dense.units(6).activation(Activation.RELU).name("layers"))
                .add(Dense.units(6).activation(Activation.RELU).name("^x y\u00e9"))
                .add(Dense.units(3).activation(Activation.SOFTMAX).name("output"));
        Path export = dir.resolve("odd-names");
        float[][] x = Fixtures.uniform(9, 4, 13);
        float[][] want;
        try (Model m = trained(spec)) {
            SavedModelExport.export(m, export);
            want = m.predict(x);
            assertEquals(List.of("input/kernel_regularizer"), m.losses().stream().map(v -> v.name()).toList());
        }
        assertArrayEquals(Fixtures.flat(want), served(export, x), 1e-6f);
    }

    @Test
    void signatureIsServingDefaultFromInputToOutput() {
        Path export = dir.resolve("net");
        try (Model m = trained(plain())) {
            SavedModelExport.export(m, export);
        }
        assertTrue(Files.isRegularFile(export.resolve("saved_model.pb")));
        try (SavedModelBundle b = SavedModelBundle.load(export.toString(), "serve")) {
            assertEquals(List.of("serve"), b.metaGraphDef().getMetaInfoDef().getTagsList());
            Signature s = b.function("serving_default").signature();
            assertEquals("tensorflow/serving/predict", s.methodName());
            assertEquals(Set.of("input"), s.inputNames());
            assertEquals(Set.of("output"), s.outputNames());
            assertArrayEquals(new long[] {-1, 4}, s.getInputs().get("input").shape.asArray());
            assertArrayEquals(new long[] {-1, 3}, s.getOutputs().get("output").shape.asArray());
            assertEquals("input:0", s.getInputs().get("input").name);
            assertEquals("output:0", s.getOutputs().get("output").name);
        }
    }

    @Test
    void exportedGraphHoldsNoRegularizationLossOptimizerDropoutOrVariableOp() {
        Path export = dir.resolve("net");
        try (Model m = trained(regularized())) {
            SavedModelExport.export(m, export);
        }
        try (SavedModelBundle b = SavedModelBundle.load(export.toString(), "serve")) {
            List<GraphOperation> all = ops(b.graph());
            assertTrue(all.size() > 10, "walked " + all.size() + " ops");
            int constants = 0;
            for (GraphOperation op : all) {
                assertFalse(TRAINING_OP_TYPES.contains(op.type()), "training op in export: " + op);
                String name = op.name().toLowerCase(Locale.ROOT);
                for (String word : TRAINING_WORDS) {
                    assertFalse(name.contains(word), "op " + op.name() + " (" + op.type() + ") mentions " + word);
                }
                constants += op.type().equals("Const") && op.name().endsWith("_read") ? 1 : 0;
            }
            assertEquals(6, constants, "one frozen constant per weight");
        }
    }

    @Test
    void regularizersAndDropoutLeaveTheExportedOpsUnchanged() {
        Path withAll = dir.resolve("with");
        Path without = dir.resolve("without");
        try (Model a = trained(regularized()); Model b = trained(plain())) {
            SavedModelExport.export(a, withAll);
            SavedModelExport.export(b, without);
        }
        Map<String, Integer> counts = loadedTypeCounts(withAll);
        assertEquals(loadedTypeCounts(without), counts);
        assertTrue(counts.containsKey("MatMul") && counts.containsKey("Softmax"), counts.toString());
    }

    @Test
    void specPlusWeightsFileExportsWithoutATrainingModel() {
        Path weights = dir.resolve("clf.weights");
        float[][] want;
        try (Model m = IoFixtures.model(4)) {
            m.fit(IoFixtures.DATA, FitOptions.epochs(2).batchSize(8).quiet());
            Checkpoints.saveWeights(m, weights);
            want = m.predict(IoFixtures.X);
        }
        Path export = dir.resolve("clf");
        SavedModelExport.export(IoFixtures.SPEC, Checkpoints.readWeights(weights, IoFixtures.SPEC), export);
        assertArrayEquals(Fixtures.flat(want), served(export, IoFixtures.X), 1e-6f);
    }

    @Test
    void anExistingExportIsReplacedAndOtherDirectoriesAreLeftAlone() throws IOException {
        Path export = dir.resolve("net");
        float[][] x = Fixtures.uniform(5, 4, 2);
        float[][] second;
        try (Model m = trained(plain())) {
            SavedModelExport.export(m, export);
            m.fit(IoFixtures.DATA, FitOptions.epochs(1).batchSize(8).quiet());
            SavedModelExport.export(m, export);
            second = m.predict(x);
        }
        assertArrayEquals(Fixtures.flat(second), served(export, x), 1e-6f);
        try (var s = Files.list(dir)) {
            assertEquals(List.of(export), s.toList(), "no temporary or old directory is left behind");
        }

        Path notes = dir.resolve("notes");
        Files.createDirectories(notes);
        Files.writeString(notes.resolve("todo.txt"), "keep me");
        try (Model m = Model.compile(plain(), TrainingConfig.of(Optimizer.sgd(0.1), Loss.meanSquaredError()))) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SavedModelExport.export(m, notes));
            assertTrue(e.getMessage().contains("holds no SavedModel"), e.getMessage());
        }
        assertEquals("keep me", Files.readString(notes.resolve("todo.txt")));
    }

    @Test
    void weightsThatDoNotFitAreRejectedInJava() {
        Path export = dir.resolve("bad");
        WeightSet wrong = new WeightSet(Map.of("hidden/kernel", new WeightSet.Entry(new long[] {4, 2}, new float[8])));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SavedModelExport.export(plain(), wrong, export));
        assertTrue(e.getMessage().contains("hidden/kernel") || e.getMessage().contains("no value for weight"),
                e.getMessage());
        assertFalse(Files.exists(export));
    }
}
