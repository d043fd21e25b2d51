package dev.strata.cli;

import dev.strata.graph.GraphCompiler;
import dev.strata.graph.InferenceGraph;
import dev.strata.graph.TrainingGraph;
import dev.strata.json.ReadResult;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.TrainingConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code check}: lints model specs completely (read, validate, build the training graph with its
 * regularization terms and the inference graph), one line per file, so it can gate a build.
 */
@Command(name = "check",
        description = {"validate model specs completely, one line per file; exit 1 if any fails", "",
                "For each file: reads the Keras JSON (Keras 1/2/3, TensorFlow.js), validates every layer and shape, "
                        + "builds the training graph with its regularization terms and the inference graph, and "
                        + "prints exactly one line:",
                "  ok <file> params=<n> regularizers=<k>",
                "  error <file> <JSON path>: <problem> (line L, column C)",
                "A bad file never stops the others. Exit code 0 when every file is ok, 1 otherwise."})
final class CheckCommand extends StrataCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "the spec files (JSON, .keras or .h5)")
    List<Path> files;

    CheckCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        int failures = 0;
        for (Path file : files) {
            String line = checkOne(file, file.toString());
            failures += line.startsWith("ok ") ? 0 : 1;
            out.println(line);
        }
        return failures == 0 ? 0 : 1;
    }

    /** Never throws: every failure, even an unexpected one, becomes an {@code error} line. */
    static String checkOne(Path path, String label) {
        try {
            ReadResult read = SpecFiles.read(path);
            ModelSummary summary = GraphCompiler.check(read.spec());
            TrainingConfig config = SpecFiles.trainingFor(read, summary);
            GraphCompiler.check(read.spec(), config);
            int terms;
            try (TrainingGraph train = GraphCompiler.training(read.spec(), config, 0);
                 InferenceGraph infer = GraphCompiler.inference(read.spec())) {
                terms = train.regularizationTerms().size();
            }
            return "ok " + label + " params=" + summary.totalParams() + " regularizers=" + terms;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return "error " + label + " " + SpecFiles.describe(e);
        }
    }
}
