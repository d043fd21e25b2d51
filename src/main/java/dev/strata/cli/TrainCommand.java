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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code train}: trains a JSON spec on a CSV file or the embedded demo data and prints the history. */
@Command(name = "train", description = {
        "train a JSON model spec on a CSV file or on the embedded demo data", "",
        "Trains the model the JSON file defines, with the file's training_config / compile_config (else Adam and "
                + "the loss its output calls for), and prints progress, the history, the final evaluation and every "
                + "regularization term."})
final class TrainCommand extends StrataCommand {
    @Parameters(index = "0", paramLabel = "SPEC.json", description = "a Keras JSON model spec, or a .keras / .h5 model"
            + " (its topology and training configuration)")
    Path file;

    @Option(names = "--init-weights", paramLabel = "FILE", description = "start from these weights: a Keras "
            + ".weights.h5, .keras or .h5 file, or Strata's --save-weights output")
    Path initWeights;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--epochs", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "(default ${DEFAULT-VALUE})")
    int epochs = 10;

    @Option(names = "--batch-size", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "(default ${DEFAULT-VALUE})")
    int batchSize = 32;

    @Option(names = "--seed", paramLabel = "N", converter = Converters.Int64.class,
            description = "seed of initial weights, dropout and shuffling (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--learning-rate", paramLabel = "X", converter = Converters.Positive.class,
            description = "overrides the optimizer's learning rate")
    Double learningRate;

    @Option(names = "--save-weights", paramLabel = "FILE",
            description = "write the trained weights (load them into the same spec later)")
    Path saveWeights;

    @Option(names = "--export", paramLabel = "DIR", description = "write an inference-only TensorFlow SavedModel")
    Path export;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "write the training curves")
    Path plot;

    @Option(names = "--history-csv", paramLabel = "FILE",
            description = "write the per-epoch logs as Keras's CSVLogger does")
    Path historyCsv;

    TrainCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() throws Exception {
        // Every option and file is checked before the spec and data load, so a typo costs no training run (the
        // values were checked as picocli parsed them).
        dataOptions.check();
        CommandFiles.requireInput(file, "spec");
        CommandFiles.requireInput(initWeights, "--init-weights");
        CommandFiles.requireOutputFile("--save-weights", saveWeights, null);
        CommandFiles.requireOutputFile("--plot", plot, ".png");
        CommandFiles.requireOutputFile("--history-csv", historyCsv, null);
        CommandFiles.requireOutputDirectory("--export", export);
        ReadResult read;
        try {
            read = SpecFiles.read(file);
        } catch (Exception e) {
            err.println("strata train: " + file + ": " + SpecFiles.describe(e));
            return 1;
        }
        read.warnings().forEach(w -> err.println("warning: " + w));
        ModelSummary summary = GraphCompiler.check(read.spec());
        TrainingConfig config = SpecFiles.trainingFor(read, summary);
        if (learningRate != null) {
            config = config.optimizer(withLearningRate(config.optimizer(), learningRate));
        }
        TrainingData data = TrainingData.from(dataOptions, summary, config);
        out.print(summary);
        out.println("Training on " + data.description() + " with " + config.optimizer().kerasClassName()
                + " (learning rate " + SummaryCommand.shortest(config.optimizer().learningRate()) + "), loss "
                + config.lossDescription(summary.outputNames()));
        // Progress goes to the command's own stream (one line per epoch there, Keras's verbose=2 style).
        FitOptions fit = FitOptions.epochs(epochs).batchSize(batchSize).validationData(data.validation())
                .callbacks(new dev.strata.train.ProgressBar(out,
                        out == System.out && dev.strata.train.ProgressBar.isTerminal()));
        if (historyCsv != null) {
            fit = fit.callbacks(CSVLogger.to(historyCsv));
        }
        try (Model model = Model.compile(read.spec(), config, ModelOptions.defaults().seed(seed))) {
            if (initWeights != null) {
                try {
                    SpecFiles.loadWeights(model, initWeights);
                } catch (RuntimeException e) {
                    err.println("strata train: --init-weights " + initWeights + ": " + SpecFiles.describe(e));
                    return 1;
                }
                out.println("starting from the weights in " + initWeights);
            }
            History history = model.fit(data.train(), fit); // the progress lines already show every epoch
            Evaluation eval = model.evaluate(data.validation() != null ? data.validation() : data.train());
            out.println((data.validation() != null ? "validation: " : "training data: ") + eval);
            for (RegularizationValue r : model.losses()) {
                out.printf("  %-40s %s%n", r.name(), r.value());
            }
            if (saveWeights != null) {
                Path weights = saveWeights;
                Checkpoints.saveWeights(model, weights);
                out.println("weights written to " + weights);
                if (!data.classNames().isEmpty()) {
                    Path classes = weights.resolveSibling(weights.getFileName() + ".classes.txt");
                    ClassNamesFile.write(classes, data.classNames());
                    out.println("class names written to " + classes);
                }
            }
            if (export != null) {
                Path dir = export;
                SavedModelExport.export(model, dir);
                out.println("SavedModel written to " + dir);
                if (!data.classNames().isEmpty()) {
                    ClassNamesFile.write(dir.resolve("assets.extra").resolve("classes.txt"), data.classNames());
                }
            }
            if (plot != null) {
                HistoryPlot.write(history, plot);
                out.println("curves written to " + plot);
            }
        }
        return 0;
    }

    static Optimizer withLearningRate(Optimizer o, double lr) {
        return o.learningRate(lr);
    }
}
