package dev.strata.bench;

import dev.strata.bench.MlpBenchmark.Data;
import dev.strata.bench.MlpBenchmark.Penalty;
import dev.strata.bench.MlpBenchmark.Setup;
import dev.strata.io.SavedModelExport;
import dev.strata.train.Model;
import dev.strata.train.Predictor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.types.TFloat32;

/**
 * Inference latency at batch 1 (median and p99 of single calls) and throughput at batch 256: Strata's
 * {@code Model.predict}, Strata's {@link Predictor}, the SavedModel export loaded with TensorFlow Java and the
 * latency settings {@link Predictor#sessionConfig} documents, and the hand-written graph with TensorFlow's default
 * session. Each lane runs blocks of calls in turn (a server calls one model, whose weights stay in cache; calls
 * interleaved call by call would measure cache misses instead).
 */
final class PredictBenchmark {
    private static final int BLOCK = 500;
    private static final int BLOCKS = 8;

    /** One way to answer a batch-1 request: input row in, logits out. */
    private interface Lane {
        void call(int example);
    }

    private PredictBenchmark() {
    }

    static void run(Data data, int threads) {
        Setup setup = new Setup(Penalty.L2, false, false, false);
        int features = MlpBenchmark.SIZES[0];
        int classes = MlpBenchmark.SIZES[3];
        Path export = exportDir();
        try (Model model = setup.compile(threads);
             HandWrittenMlp hand = new HandWrittenMlp(setup, model.weights(), threads);
             Predictor one = model.predictor(1);
             Predictor big = model.predictor(256)) {
            SavedModelExport.export(model, export);
            try (SavedModelBundle bundle = SavedModelBundle.loader(export.toString()).withTags(SavedModelExport.TAG)
                    .withConfigProto(Predictor.sessionConfig(1, 0)).load();
                 TFloat32 servedIn = TFloat32.tensorOf(Shape.of(1, features))) {
                SignatureDef sig = bundle.metaGraphDef().getSignatureDefOrThrow(SavedModelExport.SIGNATURE_KEY);
                Session.Runner served = bundle.session().runner()
                        .feed(sig.getInputsOrThrow(SavedModelExport.INPUT).getName(), servedIn)
                        .fetch(sig.getOutputsOrThrow(SavedModelExport.OUTPUT).getName());
                float[][] row = new float[1][features];
                float[] in = new float[features];
                float[] out = new float[classes];
                Lane[] lanes = {
                    i -> {
                        System.arraycopy(data.x(), i * features, row[0], 0, features);
                        model.predict(row);
                    },
                    i -> {
                        System.arraycopy(data.x(), i * features, in, 0, features);
                        one.predict(in, out);
                    },
                    i -> {
                        System.arraycopy(data.x(), i * features, in, 0, features);
                        servedIn.asRawTensor().data().asFloats().write(in);
                        try (Result r = served.run()) {
                            ((TFloat32) r.get(0)).asRawTensor().data().asFloats().read(out);
                        }
                    },
                    i -> hand.predict(data.x(), i, 1, out),
                };
                String[] names = {"Strata `Model.predict(float[][])`", "Strata `Predictor`",
                    "SavedModel export, TF Java, `Predictor.sessionConfig`", "hand-written graph, default session"};
                long[][] lat = new long[lanes.length][BLOCK * BLOCKS];
                for (int b = -1; b < BLOCKS; b++) { // block -1 warms every lane up
                    for (int k = 0; k < lanes.length; k++) {
                        for (int c = 0; c < BLOCK; c++) {
                            int example = (b * BLOCK + c + BLOCK) % data.examples();
                            long t0 = System.nanoTime();
                            lanes[k].call(example);
                            long t = System.nanoTime() - t0;
                            if (b >= 0) {
                                lat[k][b * BLOCK + c] = t;
                            }
                        }
                    }
                }
                System.out.println();
                System.out.println("| batch 1 | median ms | p99 ms |");
                System.out.println("| --- | --- | --- |");
                for (int k = 0; k < lanes.length; k++) {
                    long[] s = lat[k].clone();
                    Arrays.sort(s);
                    System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f |%n", names[k], s[s.length / 2] / 1e6,
                            s[s.length * 99 / 100] / 1e6);
                }
            }
            batch256(data, model, big, hand);
        } finally {
            deleteTree(export);
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
            for (int k = 0; k < 3; k++) {
                long t0 = System.nanoTime();
                for (int b = 0; b < batches; b++) {
                    if (k == 0) {
                        for (int i = 0; i < rows; i++) {
                            System.arraycopy(data.x(), (b * rows + i) * features, x[i], 0, features);
                        }
                        model.predict(x);
                    } else if (k == 1) {
                        System.arraycopy(data.x(), b * rows * features, in, 0, in.length);
                        big.predict(in, out);
                    } else {
                        hand.predict(data.x(), b * rows, rows, out);
                    }
                }
                if (round > 0) {
                    total[k] += System.nanoTime() - t0;
                }
            }
        }
        double n = 5.0 * batches * rows;
        System.out.println();
        System.out.printf(Locale.ROOT, "| batch 256 | ex/s |%n| --- | --- |%n| Strata `Model.predict` | %,.0f |%n"
                        + "| Strata `Predictor` | %,.0f |%n| hand-written graph, default session | %,.0f |%n",
                n / (total[0] / 1e9), n / (total[1] / 1e9), n / (total[2] / 1e9));
    }

    private static Path exportDir() {
        try {
            Path dir = Files.createTempDirectory("strata-bench-export");
            Files.delete(dir); // the exporter creates it
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
