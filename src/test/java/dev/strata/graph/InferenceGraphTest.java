package dev.strata.graph;

import static dev.strata.spec.Regularizers.l1;
import static dev.strata.spec.Regularizers.l1l2;
import static dev.strata.spec.Regularizers.l2;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.Activation;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Dropout;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.testing.Fixtures;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.Model;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

/** The INFER graph holds the forward pass and nothing of training; its predictions equal the eval pass's. */
class InferenceGraphTest {
    /** Op types that only training needs: penalties, losses, updates, randomness. */
    private static final Set<String> TRAINING_OP_TYPES = Set.of("Abs", "Square", "Sign", "Log", "Log1p", "LogSoftmax",
            "OneHot", "Pack", "ArgMax", "Equal", "Greater", "GreaterEqual", "StatelessRandomUniformV2",
            "StatelessRandomUniform", "RandomUniform", "SoftmaxCrossEntropyWithLogits", "ResourceApplyGradientDescent",
            "ResourceApplyAdam", "ResourceApplyKerasMomentum", "AssignAddVariableOp", "AssignSubVariableOp", "Pow");

    private static Sequential regularized() {
        return Sequential.named("net").input(4)
                .add(Dense.units(16).activation(Activation.RELU).kernelRegularizer(l2(0.01)).biasRegularizer(l1(0.01))
                        .activityRegularizer(l1l2(0.001, 0.002)))
                .add(Dropout.rate(0.3))
                .add(Dense.units(8).activation(Activation.TANH).kernelRegularizer(l1l2(0.01, 0.01)))
                .add(Dense.units(3).activation(Activation.SOFTMAX).kernelRegularizer(l1(0.02)))
                .penalty(l2(0.001));
    }

    private static Sequential plain() {
        return Sequential.named("net").input(4)
                .add(Dense.units(16).activation(Activation.RELU))
                .add(Dense.units(8).activation(Activation.TANH).name("dense_1"))
                .add(Dense.units(3).activation(Activation.SOFTMAX).name("dense_2"));
    }

    private static List<GraphOperation> ops(Graph g) {
        List<GraphOperation> all = new ArrayList<>();
        for (Iterator<GraphOperation> it = g.operations(); it.hasNext(); ) {
            all.add(it.next());
        }
        return all;
    }

    private static Map<String, Integer> typeCounts(Graph g) {
        Map<String, Integer> counts = new TreeMap<>();
        for (GraphOperation op : ops(g)) {
            counts.merge(op.type(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void inferenceGraphHasNoRegularizationLossOptimizerOrDropoutOp() {
        try (InferenceGraph g = GraphCompiler.inference(regularized())) {
            List<GraphOperation> all = ops(g.graph());
            assertTrue(all.size() > 10, "walked " + all.size() + " ops");
            for (GraphOperation op : all) {
                String name = op.name().toLowerCase(Locale.ROOT);
                assertFalse(TRAINING_OP_TYPES.contains(op.type()), "training op in inference graph: " + op);
                for (String word : List.of("regularizer", "penalty", "loss", "optimizer", "dropout", "target", "step",
                        "learning_rate", "train", "eval")) {
                    assertFalse(name.contains(word), "op " + op.name() + " (" + op.type() + ") mentions " + word);
                }
            }
        }
    }

    @Test
    void inferenceGraphIsTheSameWithOrWithoutRegularizersAndDropout() {
        try (InferenceGraph withAll = GraphCompiler.inference(regularized());
             InferenceGraph without = GraphCompiler.inference(plain())) {
            assertEquals(typeCounts(without.graph()), typeCounts(withAll.graph()));
        }
    }

    @Test
    void trainingGraphDoesHoldThePenaltiesTheInferenceGraphLacks() {
        try (TrainingGraph g = GraphCompiler.training(regularized(),
                TrainingConfig.of(Optimizer.adam(), Loss.categoricalCrossentropy()), 0)) {
            Map<String, Integer> counts = typeCounts(g.graph());
            assertTrue(counts.containsKey("Abs") && counts.containsKey("Square"), counts.toString());
            assertTrue(counts.containsKey("StatelessRandomUniformV2") || counts.containsKey("StatelessRandomUniform"),
                    counts.toString());
            assertEquals(List.of("dense/activity_regularizer", "dense/kernel_regularizer", "dense/bias_regularizer",
                            "dense_1/kernel_regularizer", "dense_2/kernel_regularizer", "model_penalty/dense/kernel",
                            "model_penalty/dense/bias", "model_penalty/dense_1/kernel", "model_penalty/dense_1/bias",
                            "model_penalty/dense_2/kernel", "model_penalty/dense_2/bias"),
                    g.regularizationTerms().stream().map(RegularizationTerm::name).toList());
        }
    }

    /** Each layer's ops live under its own name, never under the next layer's (TF Java uniquifies scopes). */
    @Test
    void opsLiveUnderTheirLayersName() {
        try (InferenceGraph g = GraphCompiler.inference(regularized())) {
            for (String op : List.of("layers/dense/MatMul", "layers/dense/Relu", "layers/dense_1/MatMul",
                    "layers/dense_1/Tanh", "layers/dense_2/MatMul", "layers/dense_2/Softmax", "io/dense_kernel_assign",
                    "input", "output")) {
                assertTrue(g.graph().operation(op) != null, "missing op " + op);
            }
            assertTrue(g.graph().operation("layers/dense_1_1/MatMul") == null);
        }
        try (TrainingGraph g = GraphCompiler.training(regularized(),
                TrainingConfig.of(Optimizer.adam(), Loss.categoricalCrossentropy()), 0)) {
            for (String op : List.of("layers/dense/kernel_regularizer/value", "layers/dense/bias_regularizer/value",
                    "layers/dense_1/kernel_regularizer/value", "train/dense/activity_regularizer/value",
                    "eval/dense/activity_regularizer/value", "train/dense/MatMul", "eval/dense_2/Softmax",
                    "model_penalty/dense/kernel/value", "io/step_assign", "train_step")) {
                assertTrue(g.graph().operation(op) != null, "missing op " + op);
            }
        }
    }

    @Test
    void predictionsEqualTheTrainingGraphsForwardPassWithDropoutOff() {
        float[][] x = Fixtures.uniform(40, 4, 5);
        float[][] y = Fixtures.threeClasses(x);
        try (Model m = Model.compile(regularized(), TrainingConfig.of(Optimizer.adam(0.01),
                Loss.categoricalCrossentropy(), Metric.ACCURACY))) {
            m.fit(x, y, FitOptions.epochs(3).batchSize(8).quiet());
            float[][] predicted = m.predict(x);
            TrainingGraph g = m.trainingGraph();
            float[] evalPass;
            try (TFloat32 in = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(40, 4),
                    org.tensorflow.ndarray.buffer.DataBuffers.of(Fixtures.flat(x), true, false));
                 org.tensorflow.Session s = new org.tensorflow.Session(g.graph())) {
                // A fresh session over the same graph holds no weights: load the trained ones first.
                Map<String, WeightSet.Entry> state = new java.util.LinkedHashMap<>(m.trainingState().entries());
                Session.load(s, g, state);
                try (Result r = s.runner().feed(g.input(), in).fetch(g.evalOutput()).run()) {
                    TFloat32 out = (TFloat32) r.get(0);
                    evalPass = new float[(int) out.size()];
                    out.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(evalPass, false, false));
                }
            }
            assertArrayEquals(evalPass, Fixtures.flat(predicted), 1e-6f);
            double[] rowSums = new double[40];
            for (int i = 0; i < 40; i++) {
                for (float p : predicted[i]) {
                    rowSums[i] += p;
                }
                assertEquals(1.0, rowSums[i], 1e-5);
            }
        }
    }

    /** Test-side loader: feeds every state slot of a training graph in a given session. */
    private static final class Session {
        static void load(org.tensorflow.Session s, TrainingGraph g, Map<String, WeightSet.Entry> state) {
            List<TFloat32> tensors = new ArrayList<>();
            try {
                org.tensorflow.Session.Runner r = s.runner();
                for (StateSlot slot : g.state().values()) {
                    WeightSet.Entry e = state.get(slot.name());
                    TFloat32 t = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(e.shape()),
                            org.tensorflow.ndarray.buffer.DataBuffers.of(e.values(), true, false));
                    tensors.add(t);
                    r.feed(slot.feed(), t).addTarget(slot.assign());
                }
                r.run().close();
            } finally {
                tensors.forEach(TFloat32::close);
            }
        }
    }
}
