package dev.strata.bench;

import dev.strata.spec.Activation;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Embedding;
import dev.strata.spec.layers.LSTM;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.Model;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Training speed of an LSTM text classifier (Embedding(2000, 32, mask_zero) -> LSTM(64) -> Dense(1, sigmoid), Adam,
 * batch 64) as Strata builds it, unrolled over the steps, for several sequence lengths: compile time (graph and
 * gradients) and examples/s of the epochs after the first. A while loop is no alternative: TensorFlow's C API
 * cannot differentiate one (see {@code Recurrence}). Not a test: run it with {@code mvn -q test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=dev.strata.bench.RecurrentTrainingBenchmark -Dexec.args="EXAMPLES
 * EPOCHS LENGTH..."}.
 */
public final class RecurrentTrainingBenchmark {
    private static final int VOCAB = 2000;
    private static final int BATCH = 64;

    public static void main(String[] args) {
        int examples = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int[] lengths = {25, 50, 100, 200};
        if (args.length > 2) {
            lengths = new int[args.length - 2];
            for (int i = 2; i < args.length; i++) {
                lengths[i - 2] = Integer.parseInt(args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "%d examples, batch %d, %d cores%n", examples, BATCH,
                Runtime.getRuntime().availableProcessors());
        for (int steps : lengths) {
            run(examples, epochs, steps);
        }
    }

    private static void run(int examples, int epochs, int steps) {
        SplittableRandom rng = new SplittableRandom(steps);
        float[] x = new float[examples * steps];
        float[] y = new float[examples];
        for (int i = 0; i < examples; i++) {
            int length = 1 + rng.nextInt(steps);
            for (int t = 0; t < length; t++) {
                x[i * steps + t] = 1 + rng.nextInt(VOCAB - 1);
            }
            y[i] = rng.nextInt(2);
        }
        Sequential spec = Sequential.named("text").input(steps)
                .add(Embedding.of(VOCAB, 32).maskZero(true))
                .add(LSTM.units(64))
                .add(Dense.units(1).activation(Activation.SIGMOID));
        Dataset data = Dataset.of(x, TensorShape.of(steps), y, TensorShape.of(1));
        long t0 = System.nanoTime();
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.adam(), Loss.binaryCrossentropy()))) {
            double compile = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            m.fit(data, FitOptions.epochs(1).batchSize(BATCH).quiet());
            double first = (System.nanoTime() - t1) / 1e9;
            long t2 = System.nanoTime();
            m.fit(data, FitOptions.epochs(epochs).batchSize(BATCH).quiet());
            double rest = (System.nanoTime() - t2) / 1e9;
            System.out.printf(Locale.ROOT, "steps %4d: compile %6.2f s, first epoch %6.2f s, then %8.0f examples/s "
                    + "(%.1f ms per batch)%n", steps, compile, first, examples * (double) epochs / rest,
                    1000 * rest / (epochs * Math.ceil(examples / (double) BATCH)));
        }
    }
}
