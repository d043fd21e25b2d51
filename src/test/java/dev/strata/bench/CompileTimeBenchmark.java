package dev.strata.bench;

import dev.strata.spec.Activation;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Dense;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.Model;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Compile time and time to the first training step against depth: a Sequential of N Dense(4, relu) layers
 * (N = 25 ... 400 by default), as {@code check} builds it and as {@code Model.compile} + one {@code fit} step
 * does. Prints seconds per depth and the per-layer cost, whose flatness shows compile cost is linear. Not a
 * test: run it with {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.strata.bench.CompileTimeBenchmark -Dexec.args="25 50 100 200 400"}.
 */
public final class CompileTimeBenchmark {
    private CompileTimeBenchmark() {
    }

    public static void main(String[] args) {
        int[] depths = args.length == 0 ? new int[] {25, 50, 100, 200, 400} : new int[args.length];
        for (int i = 0; i < args.length; i++) {
            depths[i] = Integer.parseInt(args[i]);
        }
        float[][] x = new float[64][4];
        float[][] y = new float[64][1];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = (float) rng.nextGaussian();
            }
            y[i][0] = x[i][0] > 0 ? 1 : 0;
        }
        TrainingConfig config = TrainingConfig.of(Optimizer.adam(), Loss.binaryCrossentropy());
        compileAndStep(stack(10), config, x, y); // warm up the native library and the JIT
        System.out.println("layers  compile s  first step s  total s  ms per layer");
        for (int n : depths) {
            Sequential spec = stack(n);
            long t0 = System.nanoTime();
            double[] parts = compileAndStep(spec, config, x, y);
            double total = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%6d  %9.2f  %12.2f  %7.2f  %12.2f%n", n, parts[0], parts[1], total,
                    1000 * total / n);
        }
    }

    static Sequential stack(int n) {
        Sequential s = Sequential.named("deep").input(4);
        java.util.List<dev.strata.spec.Layer> layers = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            layers.add(Dense.units(4).activation(Activation.RELU));
        }
        layers.add(Dense.units(1).activation(Activation.SIGMOID));
        return new Sequential(s.name(), s.inputShape(), layers, java.util.List.of());
    }

    /** Seconds to compile, and to run the first step. */
    static double[] compileAndStep(Sequential spec, TrainingConfig config, float[][] x, float[][] y) {
        long t0 = System.nanoTime();
        try (Model m = Model.compile(spec, config)) {
            long t1 = System.nanoTime();
            m.fit(Dataset.of(x, y), FitOptions.epochs(1).batchSize(64).quiet());
            long t2 = System.nanoTime();
            return new double[] {(t1 - t0) / 1e9, (t2 - t1) / 1e9};
        }
    }
}
