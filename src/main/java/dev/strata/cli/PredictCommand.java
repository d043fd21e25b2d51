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
import java.util.List;

/** {@code predict}: a Keras {@code .keras} model, or a JSON spec with Strata weights, over a CSV of inputs. */
final class PredictCommand implements Command {
    @Override
    public String name() {
        return "predict";
    }

    @Override
    public String summary() {
        return "predict with a .keras model (or a JSON spec and --weights) over a CSV of inputs";
    }

    @Override
    public String usage() {
        return """
                Usage: strata predict MODEL --data INPUTS.csv [--out PREDICTIONS.csv] [--weights FILE]

                MODEL is a Keras 3 .keras archive or a Keras 2 full-model .h5 (model.save in Python), or a JSON spec
                with --weights (a file strata train --save-weights wrote). INPUTS.csv has a header row and only
                feature columns, one example per row, flattened row-major for images and sequences (as numpy and
                pandas write them). Writes one row of predictions per example, no header (the first output's,
                flattened), to --out or to standard output.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Arguments a = new Arguments(args, List.of("--data", "--out", "--weights"), List.of());
        if (a.positionals().size() != 1) {
            throw new Arguments.UsageException("give exactly one model file");
        }
        if (a.value("--data", null) == null) {
            throw new Arguments.UsageException("give the inputs with --data INPUTS.csv");
        }
        String file = a.positionals().get(0);
        CommandFiles.requireInput(file, "model");
        CommandFiles.requireInput(a.value("--data", null), "--data");
        CommandFiles.requireInput(a.value("--weights", null), "--weights");
        CommandFiles.requireOutputFile(a, "--out", null);
        boolean archive = file.endsWith(".keras") || file.endsWith(".h5") || file.endsWith(".hdf5");
        if (!archive && a.value("--weights", null) == null) {
            throw new Arguments.UsageException("a JSON spec needs its trained weights: --weights FILE");
        }
        try (Model model = archive ? KerasFiles.load(Path.of(file)) : fromSpec(Path.of(file),
                Path.of(a.value("--weights", null)))) {
            ModelSummary summary = model.summary();
            if (summary.inputs().size() != 1) {
                throw new Arguments.UsageException("predict reads one input per row; this model has "
                        + summary.inputs().size());
            }
            TensorShape example = summary.inputShape();
            Dataset inputs = CsvLoader.loadFeatures(Path.of(a.value("--data", null)), example);
            float[][] predictions = model.predict(inputs, 256);
            write(predictions, a.value("--out", null), out);
            if (a.value("--out", null) != null) {
                err.println(predictions.length + " predictions written to " + a.value("--out", null));
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
    private static void write(float[][] rows, String file, PrintStream out) throws Exception {
        if (file == null) {
            for (float[] row : rows) {
                out.println(line(row));
            }
            return;
        }
        dev.strata.io.AtomicFiles.write(Path.of(file), stream -> {
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
