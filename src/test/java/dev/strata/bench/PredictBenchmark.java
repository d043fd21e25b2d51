package dev.strata.bench;

import dev.strata.bench.MlpBenchmark.Data;
import dev.strata.bench.MlpBenchmark.Penalty;
import dev.strata.bench.MlpBenchmark.Setup;
import dev.strata.train.Model;
import dev.strata.train.Predictor;
import java.util.Arrays;
import java.util.Locale;

/**
 * Inference latency at batch 1 (median and p99 of many single calls) and throughput at batch 256, for Strata's
 * {@code Model.predict}, Strata's {@link Predictor} and the hand-written graph, calls interleaved in one run.
 */
final class PredictBenchmark {
    private static final int CALLS = 4_000;

    private PredictBenchmark() {
    }

    static void run(Data data, int threads) {
        Setup setup = new Setup(Penalty.L2, false, false, false);
        int features = MlpBenchmark.SIZES[0];
        int classes = MlpBenchmark.SIZES[3];
        try (Model model = setup.compile(threads);
             HandWrittenMlp hand = new HandWrittenMlp(setup, model.weights(), threads);
             Predictor one = model.predictor(1);
             Predictor big = model.predictor(256)) {
            float[][] row = new float[1][features];
            float[] in = new float[features];
            float[] out = new float[classes];
            float[] handOut = new float[classes];
            long[][] lat = new long[3][CALLS];
            for (int warm = 0; warm < 2; warm++) {
                for (int c = 0; c < CALLS; c++) {
                    int from = c % (data.examples() - 1);
                    System.arraycopy(data.x(), from * features, row[0], 0, features);
                    System.arraycopy(data.x(), from * features, in, 0, features);
                    long t0 = System.nanoTime();
                    model.predict(row);
                    long t1 = System.nanoTime();
                    one.predict(in, out);
                    long t2 = System.nanoTime();
                    hand.predict(data.x(), from, 1, handOut);
                    long t3 = System.nanoTime();
                    lat[0][c] = t1 - t0;
                    lat[1][c] = t2 - t1;
                    lat[2][c] = t3 - t2;
                }
            }
            System.out.println();
            System.out.println("| batch 1 | median ms | p99 ms |");
            System.out.println("| --- | --- | --- |");
            String[] names = {"Strata Model.predict(float[][])", "Strata Predictor", "hand-written session"};
            for (int k = 0; k < 3; k++) {
                long[] s = lat[k].clone();
                Arrays.sort(s);
                System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f |%n", names[k], s[CALLS / 2] / 1e6,
                        s[CALLS * 99 / 100] / 1e6);
            }
            batch256(data, model, big, hand);
        }
    }

    private static void batch256(Data data, Model model, Predictor big, HandWrittenMlp hand) {
        int rows = 256;
        int features = MlpBenchmark.SIZES[0];
        int batches = data.examples() / rows;
        float[][] x = new float[rows][features];
        float[] in = new float[rows * features];
        float[] out = new float[rows * MlpBenchmark.SIZES[3]];
        double[] total = new double[3];
        for (int round = 0; round < 6; round++) {
            for (int b = 0; b < batches; b++) {
                for (int i = 0; i < rows; i++) {
                    System.arraycopy(data.x(), (b * rows + i) * features, x[i], 0, features);
                }
                System.arraycopy(data.x(), b * rows * features, in, 0, in.length);
                long t0 = System.nanoTime();
                model.predict(x);
                long t1 = System.nanoTime();
                big.predict(in, out);
                long t2 = System.nanoTime();
                hand.predict(data.x(), b * rows, rows, out);
                long t3 = System.nanoTime();
                if (round > 0) {
                    total[0] += t1 - t0;
                    total[1] += t2 - t1;
                    total[2] += t3 - t2;
                }
            }
        }
        double n = 5.0 * batches * rows;
        System.out.println();
        System.out.printf(Locale.ROOT, "| batch 256 | ex/s |%n| --- | --- |%n| Strata Model.predict | %,.0f |%n"
                        + "| Strata Predictor | %,.0f |%n| hand-written session | %,.0f |%n", n / (total[0] / 1e9),
                n / (total[1] / 1e9), n / (total[2] / 1e9));
    }
}
