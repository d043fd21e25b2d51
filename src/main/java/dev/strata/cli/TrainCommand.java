package dev.strata.cli;

import dev.strata.graph.GraphCompiler;
import dev.strata.io.Checkpoints;
import dev.strata.io.HistoryPlot;
import dev.strata.io.SavedModelExport;
import dev.strata.json.ReadResult;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.Optimizer;
import dev.strata.spec.TrainingConfig;
import dev.strata.train.CSVLogger;
import dev.strata.train.Evaluation;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import dev.strata.train.ModelOptions;
import dev.strata.train.RegularizationValue;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code train}: trains a JSON spec on a CSV file or the embedded demo data and prints the history. */
final class TrainCommand implements Command {
    private static final List<String> OPTIONS = List.of("--epochs", "--batch-size", "--seed", "--learning-rate",
            "--save-weights", "--export", "--plot", "--history-csv");

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train a JSON model spec on a CSV file or on the embedded demo data";
    }

    @Override
    public String usage() {
        return """
                Usage: strata train SPEC.json [options]

                Trains the model the JSON file defines, with the file's training_config / compile_config
                (else Adam and the loss its output calls for), and prints progress, the history, the final
                evaluation and every regularization term.

                  --data FILE.csv          training data with a header row (default: the embedded demo data)
                  --label NAME|INDEX       label column of the CSV (default: the last column)
                  --validation-split F     last fraction of the CSV held out for validation (default 0.2)
                  --standardize            standardize CSV features with the training statistics
                  --epochs N               (default 10)
                  --batch-size N           (default 32)
                  --seed N                 seed of initial weights, dropout and shuffling (default 0)
                  --learning-rate X        overrides the optimizer's learning rate
                  --save-weights FILE      write the trained weights (load them into the same spec later)
                  --export DIR             write an inference-only TensorFlow SavedModel
                  --plot FILE.png          write the training curves
                  --history-csv FILE       write the per-epoch logs as Keras's CSVLogger does
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        List<String> valued = new ArrayList<>(OPTIONS);
        valued.addAll(TrainingData.OPTIONS);
        Arguments a = new Arguments(args, valued, TrainingData.FLAGS);
        if (a.positionals().size() != 1) {
            throw new Arguments.UsageException("give exactly one spec file");
        }
        String file = a.positionals().get(0);
        // Every option and file is checked before the spec and data load, so a typo costs no training run.
        int epochs = a.intValue("--epochs", 10);
        int batchSize = a.intValue("--batch-size", 32);
        long seed = a.longValue("--seed", 0);
        double learningRate = a.doubleValue("--learning-rate", 0);
        if (a.value("--learning-rate", null) != null && !(learningRate > 0)) {
            throw new Arguments.UsageException("--learning-rate must be > 0, was " + a.value("--learning-rate", null));
        }
        TrainingData.checkOptions(a);
        CommandFiles.requireInput(file, "spec");
        CommandFiles.requireOutputFile(a, "--save-weights", null);
        CommandFiles.requireOutputFile(a, "--plot", ".png");
        CommandFiles.requireOutputFile(a, "--history-csv", null);
        CommandFiles.requireOutputDirectory(a, "--export");
        ReadResult read;
        try {
            read = SpecFiles.read(Path.of(file));
        } catch (Exception e) {
            err.println("strata train: " + file + ": " + SpecFiles.describe(e));
            return 1;
        }
        read.warnings().forEach(w -> err.println("warning: " + w));
        ModelSummary summary = GraphCompiler.check(read.spec());
        TrainingConfig config = SpecFiles.trainingFor(read, summary);
        if (a.value("--learning-rate", null) != null) {
            config = config.optimizer(withLearningRate(config.optimizer(), learningRate));
        }
        TrainingData data = TrainingData.from(a, summary, config);
        out.print(summary);
        out.println("Training on " + data.description() + " with " + config.optimizer().kerasClassName()
                + " (learning rate " + SummaryCommand.shortest(config.optimizer().learningRate()) + "), loss "
                + config.lossDescription(summary.outputNames()));
        // Progress goes to the command's own stream (one line per epoch there, Keras's verbose=2 style).
        FitOptions fit = FitOptions.epochs(epochs).batchSize(batchSize).validationData(data.validation())
                .callbacks(new dev.strata.train.ProgressBar(out, out == System.out && dev.strata.train.ProgressBar.isTerminal()));
        if (a.value("--history-csv", null) != null) {
            fit = fit.callbacks(CSVLogger.to(Path.of(a.value("--history-csv", null))));
        }
        try (Model model = Model.compile(read.spec(), config, ModelOptions.defaults().seed(seed))) {
            History history = model.fit(data.train(), fit); // the progress lines already show every epoch
            Evaluation eval = model.evaluate(data.validation() != null ? data.validation() : data.train());
            out.println((data.validation() != null ? "validation: " : "training data: ") + eval);
            for (RegularizationValue r : model.losses()) {
                out.printf("  %-40s %s%n", r.name(), r.value());
            }
            if (a.value("--save-weights", null) != null) {
                Path weights = Path.of(a.value("--save-weights", null));
                Checkpoints.saveWeights(model, weights);
                out.println("weights written to " + weights);
                if (!data.classNames().isEmpty()) {
                    Path classes = weights.resolveSibling(weights.getFileName() + ".classes.txt");
                    ClassNamesFile.write(classes, data.classNames());
                    out.println("class names written to " + classes);
                }
            }
            if (a.value("--export", null) != null) {
                Path dir = Path.of(a.value("--export", null));
                SavedModelExport.export(model, dir);
                out.println("SavedModel written to " + dir);
                if (!data.classNames().isEmpty()) {
                    ClassNamesFile.write(dir.resolve("assets.extra").resolve("classes.txt"), data.classNames());
                }
            }
            if (a.value("--plot", null) != null) {
                HistoryPlot.write(history, Path.of(a.value("--plot", null)));
                out.println("curves written to " + a.value("--plot", null));
            }
        }
        return 0;
    }

    static Optimizer withLearningRate(Optimizer o, double lr) {
        return o.learningRate(lr);
    }
}
