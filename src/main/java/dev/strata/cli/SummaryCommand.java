package dev.strata.cli;

import dev.strata.spec.ModelSummary;

import dev.strata.graph.GraphCompiler;
import dev.strata.json.ReadResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code summary}: the Keras-style table of a JSON spec, with each layer's regularizers. */
@Command(name = "summary", description = {"print the Keras-style summary of a JSON model spec", "",
        "Prints layers, output shapes, parameter counts and regularizers, then the training configuration if the "
                + "file has one, and any warning the reader raised."})
final class SummaryCommand extends StrataCommand {
    @Parameters(index = "0", paramLabel = "SPEC.json", description = "a Keras JSON model spec, or a .keras / .h5 model")
    Path file;

    SummaryCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() throws Exception {
        ReadResult read;
        try {
            read = SpecFiles.read(file);
        } catch (Exception e) {
            err.println("strata summary: " + file + ": " + SpecFiles.describe(e));
            return 1;
        }
        ModelSummary summary = GraphCompiler.check(read.spec());
        out.print(summary);
        read.training().ifPresent(t -> out.println("Training: optimizer " + t.optimizer().kerasClassName()
                + " (learning rate " + shortest(t.optimizer().learningRate()) + "), loss "
                + t.lossDescription(summary.outputNames())
                + (t.metrics().isEmpty() ? "" : ", metrics " + SpecFiles.metricNames(t))));
        for (String w : read.warnings()) {
            out.println("warning: " + w);
        }
        return 0;
    }

    /**
     * A rate as its writer meant it: Keras writes float32 values as doubles ({@code 0.019999999552965164}), which
     * print as the float they are ({@code 0.02}).
     */
    static String shortest(double v) {
        return (double) (float) v == v ? Float.toString((float) v) : Double.toString(v);
    }
}
