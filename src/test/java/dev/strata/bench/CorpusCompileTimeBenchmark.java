package dev.strata.bench;

import dev.strata.graph.GraphCompiler;
import dev.strata.graph.InferenceGraph;
import dev.strata.graph.TrainingGraph;
import dev.strata.json.ModelJson;
import dev.strata.json.ReadResult;
import dev.strata.spec.FunctionalInput;
import dev.strata.spec.Loss;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
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
 * count): what {@code strata check} does for the file (read the JSON, validate, build the training and inference
 * graphs, no session), then {@code Model.compile}, then one SGD step on two random examples with mean squared
 * error against zeros on every output. Unknown dimensions (image sizes, sequence lengths) are given 128, which
 * every detector in the corpus downsamples without running out of pixels. Not a test: run it with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.strata.bench.CorpusCompileTimeBenchmark -Dexec.args="[CORPUS_DIR] [HOW_MANY]"}, or with
 * {@code -Dexec.args="FILE.json ..."} to time those files instead (the largest by layer count are not the largest by
 * parameters: VGG16 has 22 layers and 138 million parameters).
 */
public final class CorpusCompileTimeBenchmark {
    private static final int UNKNOWN_AS = 128;
    private static final int EXAMPLES = 2;
    private static final TrainingConfig CONFIG = TrainingConfig.of(Optimizer.sgd(0.01), Loss.meanSquaredError());

    private CorpusCompileTimeBenchmark() {
    }

    private record Candidate(Path file, ModelSpec spec, ModelSummary summary) {
        int layers() {
            return summary.layers().size();
        }
    }

    public static void main(String[] args) throws IOException {
        boolean named = args.length > 0 && args[0].endsWith(".json");
        List<Path> files = named ? Stream.of(args).map(Path::of).toList()
                : jsonFiles(Path.of(args.length > 0 ? args[0] : "../shared/keras-corpus"));
        int howMany = named ? files.size() : args.length > 1 ? Integer.parseInt(args[1]) : 6;
        List<Candidate> loadable = new ArrayList<>();
        for (Path f : files) {
            try {
                ReadResult r = ModelJson.read(f);
                loadable.add(new Candidate(f, r.spec(), r.spec().summary()));
            } catch (RuntimeException e) {
                // a named file is worth a line; in a whole corpus, `strata check` says why each refused file is
                if (named) {
                    System.out.printf(Locale.ROOT, "%s does not load: %s%n", f.getFileName(), e.getMessage());
                }
            }
        }
        if (loadable.isEmpty()) {
            return;
        }
        loadable.sort(Comparator.comparingInt(Candidate::layers).reversed());
        List<Candidate> timed = loadable.subList(0, Math.min(howMany, loadable.size()));
        // warm up the native library and the JIT on a small stack, then build each timed graph once: otherwise the
        // first model with convolutions (or separable, depthwise ones) pays for loading that code
        Sequential small = CompileTimeBenchmark.stack(10);
        compileAndStep(new Candidate(Path.of("warm-up"), small, small.summary()));
        for (Candidate c : timed) {
            try {
                checkSeconds(c);
            } catch (RuntimeException e) {
                // its row below reports the refusal; the other models still get timed
            }
        }
        if (!named) {
            System.out.printf(Locale.ROOT, "%d of the corpus files load; the %d with most layers:%n%n",
                    loadable.size(), howMany);
        }
        System.out.println("| model file | layers | parameters | check s | compile s | first step s |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (Candidate c : timed) {
            String name = c.file().getFileName().toString();
            try {
                // read again: the first reads above ran before the JSON reader was warm
                long t0 = System.nanoTime();
                ModelJson.read(c.file());
                double check = (System.nanoTime() - t0) / 1e9 + checkSeconds(c);
                double[] t = compileAndStep(c);
                System.out.printf(Locale.ROOT, "| %s | %d | %,d | %.2f | %.2f | %.2f |%n", name, c.layers(),
                        c.summary().totalParams(), check, t[0], t[1]);
            } catch (RuntimeException e) {
                System.out.printf(Locale.ROOT, "| %s | %d | %,d | refused: %s | | |%n", name, c.layers(),
                        c.summary().totalParams(), e.getMessage());
            }
        }
    }

    private static List<Path> jsonFiles(Path corpus) throws IOException {
        try (Stream<Path> files = Files.list(corpus)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    /**
     * Seconds for what {@code strata check} does after reading: validate, then build the training graph (with its
     * penalty terms) and the inference graph, without a session. The training configuration is this benchmark's,
     * not the file's own, so the three columns time the same graph.
     */
    private static double checkSeconds(Candidate c) {
        long t0 = System.nanoTime();
        GraphCompiler.check(c.spec(), CONFIG);
        try (TrainingGraph train = GraphCompiler.training(c.spec(), CONFIG, 0);
             InferenceGraph infer = GraphCompiler.inference(c.spec())) {
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    /** Seconds to compile and to run the first step. */
    private static double[] compileAndStep(Candidate c) {
        long t0 = System.nanoTime();
        try (Model m = Model.compile(c.spec(), CONFIG)) {
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
