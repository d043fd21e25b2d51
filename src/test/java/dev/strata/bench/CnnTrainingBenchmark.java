package dev.strata.bench;

import static dev.strata.spec.Regularizers.l2;

import dev.strata.spec.Activation;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.BatchNormalization;
import dev.strata.spec.layers.Conv2D;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Flatten;
import dev.strata.spec.layers.MaxPooling2D;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.Model;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Training throughput of a small CNN with L2 everywhere: 28x28x1 -> Conv2D(32, 3, relu) -> BatchNormalization ->
 * MaxPooling2D -> Conv2D(64, 3, relu) -> BatchNormalization -> MaxPooling2D -> Flatten -> Dense(10) logits, L2 1e-4
 * on every kernel, bias, gamma and beta, SGD 0.05, batch 128, sparse categorical crossentropy from logits; examples/s
 * of the epochs after the first. {@code tools/bench/cnn_lstm_peers.py} trains the same model in Keras 3 and PyTorch.
 * Not a test: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.strata.bench.CnnTrainingBenchmark -Dexec.args="EXAMPLES EPOCHS"}.
 */
public final class CnnTrainingBenchmark {
    private static final int BATCH = 128;
    private static final double FACTOR = 1e-4;

    private CnnTrainingBenchmark() {
    }

    static Sequential spec() {
        return Sequential.named("cnn").input(28, 28, 1)
                .add(Conv2D.of(32, 3).activation(Activation.RELU).kernelRegularizer(l2(FACTOR))
                        .biasRegularizer(l2(FACTOR)))
                .add(BatchNormalization.create().gammaRegularizer(l2(FACTOR)).betaRegularizer(l2(FACTOR)))
                .add(MaxPooling2D.create())
                .add(Conv2D.of(64, 3).activation(Activation.RELU).kernelRegularizer(l2(FACTOR))
                        .biasRegularizer(l2(FACTOR)))
                .add(BatchNormalization.create().gammaRegularizer(l2(FACTOR)).betaRegularizer(l2(FACTOR)))
                .add(MaxPooling2D.create())
                .add(Flatten.create())
                .add(Dense.units(10).kernelRegularizer(l2(FACTOR)).biasRegularizer(l2(FACTOR)));
    }

    public static void main(String[] args) {
        int examples = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        SplittableRandom rng = new SplittableRandom(7);
        float[] x = new float[examples * 784];
        float[] y = new float[examples];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        for (int i = 0; i < examples; i++) {
            y[i] = rng.nextInt(10);
        }
        Dataset data = Dataset.of(x, TensorShape.of(28, 28, 1), y, TensorShape.of());
        TrainingConfig config = TrainingConfig.of(Optimizer.sgd(0.05),
                Loss.sparseCategoricalCrossentropy().fromLogits(true));
        try (Model m = Model.compile(spec(), config)) {
            FitOptions one = FitOptions.epochs(1).batchSize(BATCH).shuffle(false).quiet();
            m.fit(data, one);
            long t0 = System.nanoTime();
            for (int e = 0; e < epochs; e++) {
                m.fit(data, one);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "Strata CNN, L2 everywhere: %,.0f examples/s (%d cores, %d examples, %d "
                    + "epochs)%n", examples * (double) epochs / s, Runtime.getRuntime().availableProcessors(),
                    examples, epochs);
        }
    }
}
