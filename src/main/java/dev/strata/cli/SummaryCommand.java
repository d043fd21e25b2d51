package dev.strata.cli;

import dev.strata.spec.ModelSummary;

import dev.strata.graph.GraphCompiler;
import dev.strata.json.ReadResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code summary}: the Keras-style table of a JSON spec, with each layer's regularizers. */
final class SummaryCommand implements Command {
    @Override
    public String name() {
        return "summary";
    }

    @Override
    public String summary() {
        return "print the Keras-style summary of a JSON model spec";
    }

    @Override
    public String usage() {
        return """
                Usage: strata summary SPEC.json

                Prints layers, output shapes, parameter counts and regularizers, then the training
                configuration if the file has one, and any warning the reader raised.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Arguments a = new Arguments(args, List.of(), List.of());
        if (a.positionals().size() != 1) {
            throw new Arguments.UsageException("give exactly one spec file");
        }
        ReadResult read;
        try {
            read = SpecFiles.read(Path.of(a.positionals().get(0)));
        } catch (Exception e) {
            err.println("strata summary: " + a.positionals().get(0) + ": " + SpecFiles.describe(e));
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
