package dev.strata.bench;

import dev.strata.spec.Activation;
import dev.strata.spec.LearningRateSchedule;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Dense;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.Model;
import dev.strata.train.ModelOptions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Training throughput of every optimizer on PerformanceSuite's MLP (784-512-512-10, batch 128), relative
 * to SGD, whose update is TensorFlow's fused {@code ResourceApplyGradientDescent}: what writing Keras's update rules
 * out op by op costs per step. The best of several epochs each. Not a test: run it with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.strata.bench.OptimizerThroughputBenchmark -Dexec.args="EXAMPLES ROUNDS"}.
 */
public final class OptimizerThroughputBenchmark {
    private OptimizerThroughputBenchmark() {
    }

    public static void main(String[] args) {
        int examples = args.length > 0 ? Integer.parseInt(args[0]) : 6_400;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        SplittableRandom rng = new SplittableRandom(7);
        float[][] x = new float[examples][784];
        float[][] y = new float[examples][10];
        for (int i = 0; i < examples; i++) {
            for (int j = 0; j < 784; j++) {
                x[i][j] = (float) rng.nextDouble();
            }
            y[i][rng.nextInt(10)] = 1f;
        }
        Dataset data = Dataset.of(x, y);
        Sequential spec = Sequential.named("mlp").input(784)
                .add(Dense.units(512).activation(Activation.RELU))
                .add(Dense.units(512).activation(Activation.RELU))
                .add(Dense.units(10).activation(Activation.SOFTMAX));
        Map<String, Optimizer> all = new LinkedHashMap<>();
        all.put("SGD", Optimizer.sgd());
        all.put("SGD momentum", Optimizer.sgd().momentum(0.9));
        all.put("Adam", Optimizer.adam());
        all.put("Adam amsgrad", Optimizer.adam().amsgrad(true));
        all.put("AdamW", Optimizer.adamW(0.001));
        all.put("RMSprop", Optimizer.rmsprop());
        all.put("RMSprop centered momentum", Optimizer.rmsprop().centered(true).momentum(0.9));
        all.put("Adagrad", Optimizer.adagrad());
        all.put("Adadelta", Optimizer.adadelta());
        all.put("Adamax", Optimizer.adamax());
        all.put("Nadam", Optimizer.nadam());
        all.put("Ftrl", Optimizer.ftrl());
        all.put("Lion", Optimizer.lion());
        all.put("Adafactor", Optimizer.adafactor());
        all.put("Lamb", Optimizer.lamb());
        all.put("Adam clipnorm", Optimizer.adam().clipnorm(1.0));
        all.put("Adam global_clipnorm", Optimizer.adam().globalClipnorm(1.0));
        all.put("Adam cosine schedule", Optimizer.adam().learningRate(LearningRateSchedule.cosineDecay(1e-3, 1000)));
        all.put("Adam EMA", Optimizer.adam().ema(0.99));
        int threads = Runtime.getRuntime().availableProcessors();
        double sgd = 0;
        System.out.printf(Locale.ROOT, "%d examples, batch 128, %d threads, best of %d epochs%n", examples, threads,
                rounds);
        for (Map.Entry<String, Optimizer> e : all.entrySet()) {
            try (Model m = Model.compile(spec, TrainingConfig.of(e.getValue(), Loss.categoricalCrossentropy()),
                    ModelOptions.defaults().threads(threads, 1))) {
                FitOptions epoch = FitOptions.epochs(1).batchSize(128).shuffle(false).quiet();
                m.fit(data, epoch); // warm-up: Grappler and first allocations
                long best = Long.MAX_VALUE;
                for (int r = 0; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    m.fit(data, epoch);
                    best = Math.min(best, System.nanoTime() - t0);
                }
                double perSecond = examples / (best / 1e9);
                if (sgd == 0) {
                    sgd = perSecond;
                }
                System.out.printf(Locale.ROOT, "%-28s %9.0f examples/s  %.2f x SGD%n", e.getKey(), perSecond,
                        perSecond / sgd);
            }
        }
    }
}
