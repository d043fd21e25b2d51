package dev.strata.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.graph.GraphCompiler;
import dev.strata.graph.Penalties;
import dev.strata.graph.WeightSet;
import dev.strata.spec.Activation;
import dev.strata.spec.layers.ActivationLayer;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.Layer;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.Optimizer;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import java.io.File;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every hand-written Keras spec (both dialects, Sequential and functional) loads, compiles and trains a step. */
class ValidSpecsTrainOneStepTest {
    static {
        // v15 names a Keras 3 registered regularizer; its math is a scaled L2.
        Penalties.register("MyPackage>ScaledL2", (tf, w, config) -> tf.math.mul(
                tf.constant(config.getOrDefault("factor", 0.01).floatValue()),
                tf.reduceSum(tf.math.square(w), tf.constant(allAxes(w.shape().numDimensions())))));
    }

    private static int[] allAxes(int rank) {
        int[] axes = new int[rank];
        for (int i = 0; i < rank; i++) {
            axes[i] = i;
        }
        return axes;
    }

    static Stream<File> specs() {
        File[] files = new File("src/test/resources/json/valid").listFiles((d, n) -> n.endsWith(".json"));
        Arrays.sort(files);
        assertTrue(files.length >= 15, "at least 15 hand-written specs");
        return Stream.of(files);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void loadsCompilesAndTrainsOneStep(File file) throws Exception {
        ReadResult read = ModelJson.read(file.toPath());
        ModelSummary summary = GraphCompiler.check(read.spec());
        TrainingConfig config = read.training().orElseGet(() -> defaultFor(summary));
        int n = 6;
        Dataset data = randomData(summary, config, n);
        try (Model m = Model.compile(read.spec(), config)) {
            WeightSet before = m.weights();
            History h = m.fit(data, FitOptions.epochs(1).batchSize(n).quiet());
            assertEquals(1, m.step(), file.getName());
            assertTrue(Double.isFinite(h.last("loss")), file.getName() + ": " + h);
            assertEquals(h.last("data_loss") + h.last("regularization_loss"), h.last("loss"),
                    1e-5 * Math.max(1, Math.abs(h.last("loss"))), file.getName());
            assertFalse(before.sameAs(m.weights()), file.getName() + ": one step must move the weights");
        }
    }

    private static TrainingConfig defaultFor(ModelSummary summary) {
        Layer last = summary.layers().get(summary.layers().size() - 1).layer();
        Activation a = last instanceof Dense d ? d.activation()
                : last instanceof ActivationLayer l ? l.activation() : Activation.LINEAR;
        Loss loss = a == Activation.SOFTMAX ? Loss.categoricalCrossentropy()
                : a == Activation.SIGMOID ? Loss.binaryCrossentropy() : Loss.meanSquaredError();
        return TrainingConfig.of(Optimizer.sgd(0.1), loss, Metric.ACCURACY);
    }

    private static Dataset randomData(ModelSummary summary, TrainingConfig config, int n) {
        SplittableRandom rng = new SplittableRandom(5);
        TensorShape in = summary.inputShape();
        TensorShape out = summary.outputShape();
        float[] x = new float[(int) (n * in.size())];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        int classes = out.dim(-1);
        if (config.loss() instanceof Loss.SparseCategoricalCrossentropy) {
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                y[i] = rng.nextInt(classes);
            }
            return Dataset.of(x, in, y, TensorShape.of(1));
        }
        float[] y = new float[(int) (n * out.size())];
        boolean oneHot = config.loss() instanceof Loss.CategoricalCrossentropy;
        for (int i = 0; i < n; i++) {
            int rowWidth = (int) out.size();
            if (oneHot) {
                y[i * rowWidth + rng.nextInt(rowWidth)] = 1f;
            } else {
                for (int j = 0; j < rowWidth; j++) {
                    y[i * rowWidth + j] = rng.nextInt(2);
                }
            }
        }
        return Dataset.of(x, in, y, out);
    }

}
