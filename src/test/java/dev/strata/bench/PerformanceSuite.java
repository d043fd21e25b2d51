package dev.strata.bench;

import dev.strata.bench.MlpBenchmark.Data;
import dev.strata.bench.MlpBenchmark.Penalty;
import dev.strata.bench.MlpBenchmark.Setup;
import dev.strata.train.Dataset;
import dev.strata.train.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Strata against the same MLP written by hand in raw TensorFlow Java, in one process, alternating rounds so that
 * machine noise hits every system alike; prints ratios measured in this run. Not a test (timings never are):
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.strata.bench.PerformanceSuite
 * -Dexec.args="[train|adam|predict|all] [EXAMPLES] [ROUNDS] [SETUP FILTER]"}.
 */
public final class PerformanceSuite {
    private PerformanceSuite() {
    }

    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "all";
        int examples = args.length > 1 ? Integer.parseInt(args[1]) : 12_800;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String only = args.length > 3 ? args[3] : "";
        int threads = Runtime.getRuntime().availableProcessors();
        Data data = Data.synthetic(examples);
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s; %d examples per epoch, %d rounds%n", threads,
                System.getProperty("os.arch"), System.getProperty("java.vm.version"), examples, rounds);
        if (what.equals("train") || what.equals("all")) {
            train(data, threads, rounds, only);
        }
        if (what.equals("adam") || what.equals("all")) {
            exactAdam(data, threads, rounds);
        }
        if (what.equals("predict") || what.equals("all")) {
            PredictBenchmark.run(data, threads);
        }
        System.out.printf(Locale.ROOT, "RSS: now %d MB, peak %d MB%n", Rss.currentMb(), Rss.peakMb());
    }

    private static void train(Data data, int threads, int rounds, String only) {
        List<Setup> setups = new ArrayList<>();
        for (boolean[] opt : new boolean[][] {{false, false}, {true, false}, {true, true}}) {
            setups.add(new Setup(Penalty.L2, false, opt[0], opt[1]));
            for (Penalty p : List.of(Penalty.L1, Penalty.L2, Penalty.L1L2)) {
                setups.add(new Setup(p, true, opt[0], opt[1]));
            }
        }
        System.out.println();
        System.out.println("| training setup | Strata ex/s | Strata, no penalty | penalty cost | hand-written ex/s"
                + " | Strata / hand-written | loss drift |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        Dataset dataset = data.dataset();
        for (Setup s : setups) {
            if (!s.label().contains(only)) {
                continue;
            }
            try (Model with = s.compile(threads); Model without = s.withoutPenalty().compile(threads);
                 HandWrittenMlp hand = new HandWrittenMlp(s, with.weights(), threads)) {
                // One warm-up epoch each: the first step runs the graph optimizer.
                double strataLoss = MlpBenchmark.epoch(with, dataset);
                MlpBenchmark.epoch(without, dataset);
                float handLoss = hand.epoch(data.x(), data.labels(), data.examples(), MlpBenchmark.BATCH);
                double[] t = alternating(rounds, () -> MlpBenchmark.epoch(with, dataset),
                        () -> MlpBenchmark.epoch(without, dataset),
                        () -> hand.epoch(data.x(), data.labels(), data.examples(), MlpBenchmark.BATCH));
                double n = (double) data.examples() * rounds;
                double exWith = n / t[0];
                double exWithout = n / t[1];
                double exHand = n / t[2];
                // The hand-written Adam keeps step 1's bias corrections, so only SGD trajectories compare.
                String drift = s.adam() ? "-" : String.format(Locale.ROOT, "%.1e", drift(s, threads));
                System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %.1f%% | %,.0f | %.3f | %s |%n", s.label(),
                        exWith, exWithout, 100 * (1 - exWith / exWithout), exHand, exWith / exHand, drift);
            }
        }
    }

    /**
     * Keras-exact Adam against TensorFlow's fused kernel on the same model (no penalty), epochs alternating so both
     * see the same machine: the ratio is what exactness costs per step.
     */
    private static void exactAdam(Data data, int threads, int rounds) {
        Setup exact = new Setup(Penalty.NONE, false, true, false);
        Setup fused = new Setup(Penalty.NONE, false, true, true);
        Dataset dataset = data.dataset();
        try (Model e = exact.compile(threads); Model f = fused.compile(threads)) {
            MlpBenchmark.epoch(e, dataset);
            MlpBenchmark.epoch(f, dataset);
            double[] t = alternating(rounds, () -> MlpBenchmark.epoch(e, dataset), () -> MlpBenchmark.epoch(f, dataset));
            double n = (double) data.examples() * rounds;
            System.out.println();
            System.out.println("| Adam, no penalty | exact ex/s | fused ex/s | exact / fused |");
            System.out.println("| --- | --- | --- | --- |");
            System.out.printf(Locale.ROOT, "| MLP 784-512-512-10, batch %d | %,.0f | %,.0f | %.3f |%n",
                    MlpBenchmark.BATCH, n / t[0], n / t[1], t[1] / t[0]);
        }
    }

    /** Runs each lane once per round, lanes in turn so all see the same machine; each lane's total seconds. */
    private static double[] alternating(int rounds, Runnable... lanes) {
        double[] seconds = new double[lanes.length];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < lanes.length; k++) {
                long t0 = System.nanoTime();
                lanes[k].run();
                seconds[k] += (System.nanoTime() - t0) / 1e9;
            }
        }
        return seconds;
    }

    /**
     * Largest difference between the two systems' logits on 64 examples, relative to the largest logit, after 30
     * SGD steps from the same weights. Short on purpose: over hundreds of steps a relu flipping at a rounding
     * difference lets the trajectories part, which says nothing about either implementation.
     */
    static double drift(Setup s, int threads) {
        Data data = Data.synthetic(30 * MlpBenchmark.BATCH);
        try (Model strata = s.compile(threads); HandWrittenMlp hand = new HandWrittenMlp(s, strata.weights(), threads)) {
            MlpBenchmark.epoch(strata, data.dataset());
            hand.epoch(data.x(), data.labels(), data.examples(), MlpBenchmark.BATCH);
            int rows = 64;
            int features = MlpBenchmark.SIZES[0];
            int classes = MlpBenchmark.SIZES[MlpBenchmark.SIZES.length - 1];
            float[][] x = new float[rows][features];
            for (int i = 0; i < rows; i++) {
                System.arraycopy(data.x(), i * features, x[i], 0, features);
            }
            float[][] a = strata.predict(x);
            float[] b = hand.predict(data.x(), 0, rows, new float[rows * classes]);
            double worst = 0;
            double scale = 0;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < classes; j++) {
                    worst = Math.max(worst, Math.abs(a[i][j] - b[i * classes + j]));
                    scale = Math.max(scale, Math.abs(b[i * classes + j]));
                }
            }
            return worst / scale;
        }
    }
}
