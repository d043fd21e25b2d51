package dev.strata.fuzz;

import dev.strata.spec.Activation;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Dense;
import dev.strata.testing.Fixtures;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resource use over a long JVM life (issue 14), measured rather than asserted (RSS depends on the machine):
 * compiles, fits, predicts and closes {@code models} models, then runs {@code steps} training steps on one model,
 * printing the process's resident set size ({@code VmRSS}) as it goes. A leak of graphs, sessions or tensors shows
 * as RSS growing with the count. Usage: {@code ResourceRun [models=300] [steps=20000]}.
 */
public final class ResourceRun {
    private ResourceRun() {
    }

    public static void main(String[] args) throws IOException {
        int models = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        float[][] x = Fixtures.uniform(64, 8, 1);
        Dataset data = Dataset.of(x, Fixtures.threeClasses(x));
        Sequential spec = Sequential.create().input(8).add(Dense.units(32).activation(Activation.RELU))
                .add(Dense.units(3).activation(Activation.SOFTMAX));
        TrainingConfig adam = TrainingConfig.of(Optimizer.adam(0.01), Loss.categoricalCrossentropy());
        long started = System.nanoTime();
        report("start", 0, started);
        for (int i = 1; i <= models; i++) {
            try (Model m = Model.compile(spec, adam)) {
                m.fit(data, FitOptions.epochs(1).batchSize(16).quiet());
                m.predict(x);
            }
            if (i % 30 == 0) {
                report("models", i, started);
            }
        }
        try (Model m = Model.compile(spec, adam)) {
            int per = 4; // 64 rows in batches of 16: four steps an epoch
            for (int s = 0; s < steps; s += per * 100) {
                m.fit(data, FitOptions.epochs(100).batchSize(16).quiet());
                if ((s / (per * 100)) % 5 == 4) {
                    report("steps", m.step(), started);
                }
            }
        }
        report("end", 0, started);
    }

    private static void report(String what, long count, long started) throws IOException {
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
        System.out.printf("%-6s %6d  %s  %.1f s%n", what, count, rss, (System.nanoTime() - started) / 1e9);
    }
}
