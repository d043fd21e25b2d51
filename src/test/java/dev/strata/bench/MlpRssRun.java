package dev.strata.bench;

import dev.strata.bench.MlpBenchmark.Data;
import dev.strata.bench.MlpBenchmark.Penalty;
import dev.strata.bench.MlpBenchmark.Setup;
import dev.strata.train.Dataset;
import dev.strata.train.Model;
import java.util.Locale;

/**
 * Resident memory of the benchmark MLP alone in a fresh JVM (SGD, L2 on the hidden kernels, batch 128): after
 * compile, after the first epoch, and after 10,000 and 20,000 steps. {@code PerformanceSuite} holds several models
 * and the hand-written graph at once, so its peak is not this model's. Not a test: run it with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.strata.bench.MlpRssRun
 * -Dexec.args="[STEPS]"}.
 */
public final class MlpRssRun {
    private static final int EXAMPLES = 12_800;

    private MlpRssRun() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int stepsPerEpoch = EXAMPLES / MlpBenchmark.BATCH;
        Data data = Data.synthetic(EXAMPLES);
        Dataset dataset = data.dataset();
        report("data in memory", 0);
        try (Model model = new Setup(Penalty.L2, false, false, false).compile(Runtime.getRuntime()
                .availableProcessors())) {
            report("compiled", 0);
            int done = 0;
            int next = 0;
            long[] marks = {stepsPerEpoch, steps / 2, steps};
            while (done < steps) {
                MlpBenchmark.epoch(model, dataset);
                done += stepsPerEpoch;
                while (next < marks.length && done >= marks[next]) {
                    report(next == 0 ? "first epoch" : "steps", done);
                    next++;
                }
            }
        }
    }

    private static void report(String when, int steps) {
        Runtime rt = Runtime.getRuntime();
        long heapCommitted = rt.totalMemory() >> 20;
        long heapUsed = (rt.totalMemory() - rt.freeMemory()) >> 20;
        System.out.printf(Locale.ROOT, "%-15s %6d steps  RSS %4d MB  peak %4d MB  (Java heap: %d MB committed, %d MB"
                + " in use)%n", when, steps, Rss.currentMb(), Rss.peakMb(), heapCommitted, heapUsed);
    }
}
