package dev.strata.cli;

import dev.strata.graph.GraphCompiler;
import dev.strata.io.Checkpoints;
import dev.strata.io.KerasFiles;
import dev.strata.json.ReadResult;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.TensorShape;
import dev.strata.train.CsvLoader;
import dev.strata.train.Dataset;
import dev.strata.train.Model;
import dev.strata.train.ModelOptions;
import java.io.BufferedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code predict}: a Keras {@code .keras} model, or a JSON spec with Strata weights, over a CSV of inputs. */
@Command(name = "predict", description = {
        "predict a CSV of inputs with a .keras or .h5 model, or a spec and --weights", "",
        "MODEL is a Keras 3 .keras archive or a Keras 2 full-model .h5 (model.save in Python), or a JSON spec with "
                + "--weights (a file strata train --save-weights wrote). INPUTS.csv has a header row and only "
                + "feature columns, one example per row, flattened row-major for images and sequences (as numpy and "
                + "pandas write them). Writes one row of predictions per example, no header (the first output's, "
                + "flattened), to --out or to standard output."})
final class PredictCommand extends StrataCommand {
    @Parameters(index = "0", paramLabel = "MODEL", description = "a .keras or .h5 model, or a JSON spec")
    Path file;

    @Option(names = "--data", required = true, paramLabel = "INPUTS.csv", description = "the inputs, one per row")
    Path data;

    @Option(names = "--out", paramLabel = "PREDICTIONS.csv", description = "where to write (default: standard output)")
    Path target;

    @Option(names = "--weights", paramLabel = "FILE", description = "the weights of a JSON spec")
    Path weights;

    PredictCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() throws Exception {
        CommandFiles.requireInput(file, "model");
        CommandFiles.requireInput(data, "--data");
        CommandFiles.requireInput(weights, "--weights");
        CommandFiles.requireOutputFile("--out", target, null);
        String name = file.toString();
        boolean archive = name.endsWith(".keras") || name.endsWith(".h5") || name.endsWith(".hdf5");
        if (!archive && weights == null) {
            throw new UsageException("a JSON spec needs its trained weights: --weights FILE");
        }
        try (Model model = archive ? KerasFiles.load(file) : fromSpec(file, weights)) {
            ModelSummary summary = model.summary();
            if (summary.inputs().size() != 1) {
                throw new UsageException("predict reads one input per row; this model has "
                        + summary.inputs().size());
            }
            TensorShape example = summary.inputShape();
            Dataset inputs = CsvLoader.loadFeatures(data, example);
            float[][] predictions = model.predict(inputs, 256);
            write(predictions, target, out);
            if (target != null) {
                err.println(predictions.length + " predictions written to " + target);
            }
        }
        return 0;
    }

    private static Model fromSpec(Path spec, Path weights) throws Exception {
        ReadResult read = SpecFiles.read(spec);
        ModelSummary summary = GraphCompiler.check(read.spec());
        Model model = Model.compile(read.spec(), SpecFiles.trainingFor(read, summary), ModelOptions.defaults());
        try {
            Checkpoints.loadWeights(model, weights);
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Whole or not at all (or to standard output). */
    private static void write(float[][] rows, Path file, PrintStream out) throws Exception {
        if (file == null) {
            for (float[] row : rows) {
                out.println(line(row));
            }
            return;
        }
        dev.strata.io.AtomicFiles.write(file, stream -> {
            BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8));
            for (float[] row : rows) {
                w.write(line(row));
                w.newLine();
            }
            w.flush();
        });
    }

    private static String line(float[] row) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            sb.append(i == 0 ? "" : ",").append(row[i]);
        }
        return sb.toString();
    }
}
