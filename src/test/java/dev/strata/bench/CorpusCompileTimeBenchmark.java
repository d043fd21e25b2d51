package dev.strata.bench;

import dev.strata.json.ModelJson;
import dev.strata.json.ReadResult;
import dev.strata.spec.FunctionalInput;
import dev.strata.spec.Loss;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.Optimizer;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Compile time and time to the first training step of the largest real models the Keras corpus loads (by layer
 * count): read the JSON, {@code Model.compile}, then one SGD step on two random examples with mean squared error
 * against zeros on every output. Unknown dimensions (image sizes, sequence lengths) are given 128, which every detector in the corpus downsamples without running out of pixels. Not a test: run it with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.strata.bench.CorpusCompileTimeBenchmark -Dexec.args="[CORPUS_DIR] [HOW_MANY]"}.
 */
public final class CorpusCompileTimeBenchmark {
    private static final int UNKNOWN_AS = 128;
    private static final int EXAMPLES = 2;

    private CorpusCompileTimeBenchmark() {
    }

    private record Candidate(Path file, ModelSpec spec, ModelSummary summary) {
        int layers() {
            return summary.layers().size();
        }
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/keras-corpus");
        int howMany = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        List<Candidate> loadable = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                try {
                    ReadResult r = ModelJson.read(f);
                    loadable.add(new Candidate(f, r.spec(), r.spec().summary()));
                } catch (RuntimeException e) {
                    // not loadable: `strata check` says why; this benchmark times the ones that load
                }
            }
        }
        loadable.sort(Comparator.comparingInt(Candidate::layers).reversed());
        compileAndStep(loadable.get(loadable.size() - 1)); // warm up the native library and the JIT
        System.out.printf(Locale.ROOT, "%d of the corpus files load; the %d with most layers:%n%n", loadable.size(),
                howMany);
        System.out.println("| model file | layers | parameters | compile s | first step s |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (Candidate c : loadable.subList(0, Math.min(howMany, loadable.size()))) {
            String name = c.file().getFileName().toString();
            try {
                double[] t = compileAndStep(c);
                System.out.printf(Locale.ROOT, "| %s | %d | %,d | %.2f | %.2f |%n", name, c.layers(),
                        c.summary().totalParams(), t[0], t[1]);
            } catch (RuntimeException e) {
                System.out.printf(Locale.ROOT, "| %s | %d | %,d | refused: %s | |%n", name, c.layers(),
                        c.summary().totalParams(), e.getMessage());
            }
        }
    }

    /** Seconds to compile and to run the first step. */
    private static double[] compileAndStep(Candidate c) {
        TrainingConfig config = TrainingConfig.of(Optimizer.sgd(0.01), Loss.meanSquaredError());
        long t0 = System.nanoTime();
        try (Model m = Model.compile(c.spec(), config)) {
            long t1 = System.nanoTime();
            m.fit(randomData(c.spec(), c.summary()), FitOptions.epochs(1).batchSize(EXAMPLES).quiet());
            long t2 = System.nanoTime();
            return new double[] {(t1 - t0) / 1e9, (t2 - t1) / 1e9};
        }
    }

    private static Dataset randomData(ModelSpec spec, ModelSummary s) {
        SplittableRandom rng = new SplittableRandom(1);
        List<float[]> xs = new ArrayList<>();
        List<TensorShape> xShapes = new ArrayList<>();
        for (FunctionalInput in : s.inputs()) {
            TensorShape shape = concrete(in.shape());
            float[] x = new float[(int) (EXAMPLES * shape.size())];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextDouble(); // in [0, 1): also a valid index (0) for integer inputs
            }
            xs.add(x);
            xShapes.add(shape);
        }
        List<float[]> ys = new ArrayList<>();
        List<TensorShape> yShapes = new ArrayList<>();
        // what the outputs become for these input sizes (a detector's grid follows its image size)
        for (TensorShape out : spec.withInputShapes(xShapes).summary().outputShapes()) {
            TensorShape shape = concrete(out);
            ys.add(new float[(int) (EXAMPLES * shape.size())]);
            yShapes.add(shape);
        }
        return Dataset.of(xs, xShapes, ys, yShapes);
    }

    private static TensorShape concrete(TensorShape shape) {
        int[] dims = new int[shape.rank()];
        for (int d = 0; d < dims.length; d++) {
            dims[d] = shape.dim(d) == TensorShape.UNKNOWN ? UNKNOWN_AS : shape.dim(d);
        }
        return TensorShape.of(dims);
    }
}
