package dev.strata.io;

import dev.strata.graph.GraphCompiler;
import dev.strata.graph.InferenceGraph;
import dev.strata.graph.WeightSet;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.ModelSummary;
import dev.strata.train.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.proto.GraphDef;

/**
 * Exports a model for serving as a TensorFlow SavedModel: tag {@code serve}, one signature
 * {@code serving_default} (method {@code tensorflow/serving/predict}) from {@code input}, a float tensor of
 * shape {@code (None, ...input shape)}, to {@code output}; a model with several inputs or outputs names each by
 * its input layer or output layer name. Load it with {@code SavedModelBundle.load(dir, "serve")}
 * in TensorFlow Java, {@code tf.saved_model.load} in Python, or TensorFlow Serving.
 *
 * <p>The graph is the INFER-mode graph (the forward pass, no loss, regularization, optimizer or dropout op)
 * with the weights frozen into constants. Frozen because TensorFlow Java 1.1.0's exporter saves only
 * {@code VariableV2} variables (its saver has "TODO handle resource variables") while Strata's weights are
 * resource variables: exported as they are, the SavedModel would load with uninitialized weights. Constants
 * need no variables directory and no restore step, and an inference graph never changes its weights.
 *
 * <p>The export is written to a temporary sibling directory and renamed into place, so {@code dir} never holds a
 * half-written export. An existing SavedModel at {@code dir} is replaced; any other non-empty directory is refused.
 */
public final class SavedModelExport {
    public static final String TAG = "serve";
    public static final String SIGNATURE_KEY = "serving_default";
    public static final String METHOD_NAME = "tensorflow/serving/predict";
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";

    private SavedModelExport() {
    }

    /** Exports the model's current weights. */
    public static void export(Model model, Path dir) {
        export(model.spec(), model.weights(), dir);
    }

    /** Exports a spec with given weights, e.g. from {@link Checkpoints#readWeights}; no training model needed. */
    public static void export(ModelSpec spec, WeightSet weights, Path dir) {
        GraphDef frozen;
        ModelSummary summary;
        try (InferenceGraph g = GraphCompiler.inference(spec)) {
            frozen = FrozenGraph.freeze(g, weights);
            summary = g.summary();
        }
        Path target = dir.toAbsolutePath();
        try {
            checkTarget(target);
            Files.createDirectories(target.getParent());
            Path tmp = sibling(target, "tmp");
            try {
                write(frozen, summary, tmp);
                replace(tmp, target);
            } finally {
                deleteTree(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export SavedModel to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The signature: {@code input} to {@code output} for a one-input, one-output model; otherwise every input and
     * output under its model name (input layer names; output layer names, as {@code ModelSummary.outputNames}).
     */
    private static void write(GraphDef frozen, ModelSummary summary, Path dir) throws IOException {
        try (Graph graph = new Graph()) {
            graph.importGraphDef(frozen);
            try (Session session = new Session(graph)) {
                Signature.Builder builder = Signature.builder().key(SIGNATURE_KEY).methodName(METHOD_NAME);
                int inputs = summary.inputs().size();
                for (int i = 0; i < inputs; i++) {
                    builder.input(inputs == 1 ? INPUT : summary.inputs().get(i).name(),
                            graph.outputOrThrow(inputs == 1 ? INPUT : INPUT + "_" + i));
                }
                List<String> names = summary.outputNames();
                for (int i = 0; i < names.size(); i++) {
                    builder.output(names.size() == 1 ? OUTPUT : names.get(i),
                            graph.outputOrThrow(names.size() == 1 ? OUTPUT : OUTPUT + "_" + i));
                }
                Signature signature = builder.build();
                SavedModelBundle.exporter(dir.toString()).withTags(TAG)
                        .withFunction(SessionFunction.create(signature, session)).export();
            }
        }
    }

    private static void checkTarget(Path target) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new IOException(target + " exists and is not a directory");
        }
        try (Stream<Path> s = Files.list(target)) {
            if (s.findAny().isPresent() && !Files.isRegularFile(target.resolve("saved_model.pb"))) {
                throw new IOException(target + " is a non-empty directory that holds no SavedModel; refusing to "
                        + "replace it");
            }
        }
    }

    /** Moves the new export into place; an old one is moved aside first and deleted after. */
    private static void replace(Path fresh, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = sibling(target, "old");
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    private static Path sibling(Path target, String what) {
        return target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + "." + what);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
