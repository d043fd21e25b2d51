package dev.strata.cli;

import dev.strata.demo.DemoData;
import dev.strata.demo.RegularizationDemo;
import dev.strata.experiment.Comparison;
import dev.strata.experiment.ComparisonReport;
import dev.strata.experiment.Setting;
import dev.strata.experiment.SettingResult;
import dev.strata.graph.GraphCompiler;
import dev.strata.io.HistoryPlot;
import dev.strata.json.ReadResult;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.Regularizers;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code compare}: one spec under several regularization settings, same seed, data and schedule; a table,
 * and optionally CSV and a PNG of the training and validation curves per setting.
 */
@Command(name = "compare", description = {
        "train one spec under several regularization settings and compare", "",
        "Trains the spec (default: the demo network on the embedded demo data) once per setting: none, and each of "
                + "the settings given (default: --l1 0.002 --l2 0.01 --l1l2 0.001,0.005 --weight-decay 0.1). Each "
                + "setting replaces the kernel regularizer of every Dense layer (and removes other penalties), or "
                + "switches on decoupled weight decay. Reports final and best validation loss and metric, the "
                + "train-validation gap, seconds per epoch, the penalties' share of the objective, and per layer the "
                + "fraction of near-zero weights and the L1/L2 norms."})
final class CompareCommand extends StrataCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC.json",
            description = "a Keras JSON model spec (default: the demo network)")
    Path specFile;

    @Option(names = "--l1", paramLabel = "F", converter = Converters.Finite.class, description = "an L1 setting")
    Double l1;

    @Option(names = "--l2", paramLabel = "F", converter = Converters.Finite.class, description = "an L2 setting")
    Double l2;

    @Option(names = "--l1l2", paramLabel = "A,B", description = "an L1L2 setting")
    String l1l2;

    @Option(names = "--weight-decay", paramLabel = "F", converter = Converters.Finite.class,
            description = "a decoupled weight decay setting")
    Double weightDecay;

    @Option(names = "--max-norm-dropout", paramLabel = "C,R", description = {"max-norm C on each unit's incoming "
            + "weights and dropout R after each hidden layer, no penalties (Srivastava et al.: C 3 to 4, R 0.5)"})
    String maxNormDropout;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--epochs", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "(default 150 for the demo, 30 otherwise)")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "(default ${DEFAULT-VALUE})")
    int batchSize = 32;

    @Option(names = "--seed", paramLabel = "N", converter = Converters.Int64.class,
            description = "(default ${DEFAULT-VALUE}, as train)")
    long seed;

    @Option(names = "--csv", paramLabel = "FILE", description = "write the report as CSV")
    Path csv;

    @Option(names = "--png", paramLabel = "FILE", description = "write training and validation curves per setting")
    Path png;

    CompareCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() throws Exception {
        List<Setting> settings = settings();
        dataOptions.check();
        CommandFiles.requireInput(specFile, "spec");
        CommandFiles.requireOutputFile("--csv", csv, null);
        CommandFiles.requireOutputFile("--png", png, ".png");
        Sequential spec;
        TrainingConfig config;
        boolean demo = specFile == null;
        if (demo) {
            spec = RegularizationDemo.network(null);
            config = RegularizationDemo.config();
        } else {
            ReadResult read = SpecFiles.read(specFile);
            ModelSpec any = read.spec();
            spec = any instanceof Sequential s ? s : ((dev.strata.spec.Functional) any).toSequential();
            config = SpecFiles.trainingFor(read, GraphCompiler.check(spec));
        }
        ModelSummary summary = GraphCompiler.check(spec, config);
        TrainingData data = TrainingData.from(dataOptions, summary, config);
        if (data.validation() == null) {
            throw new UsageException("a comparison needs validation data: use a --validation-split above 0");
        }
        int epochs = this.epochs != null ? this.epochs : demo ? 150 : 30;
        out.println("Comparing " + settings.size() + " settings on " + data.description() + ", " + epochs
                + " epochs each");
        ComparisonReport report = Comparison.run(spec, config, data.train(), data.validation(), settings,
                new Comparison.Options(epochs, batchSize, seed), out);
        out.println();
        out.print(report.table());
        if (csv != null) {
            report.writeCsv(csv);
            out.println("report written to " + csv);
        }
        if (png != null) {
            Map<String, dev.strata.train.History> runs = new LinkedHashMap<>();
            for (SettingResult r : report.results()) {
                runs.put(r.label(), r.history());
            }
            HistoryPlot.writeComparison(runs, List.of("data_loss"), png);
            out.println("curves written to " + png);
        }
        return 0;
    }

    /** The settings to compare, checked before anything loads: none, then those given, else the defaults. */
    private List<Setting> settings() {
        List<Setting> settings = new ArrayList<>();
        settings.add(Setting.none());
        boolean any = l1 != null || l2 != null || l1l2 != null || weightDecay != null || maxNormDropout != null;
        Double l1 = any ? this.l1 : Double.valueOf(0.002);
        Double l2 = any ? this.l2 : Double.valueOf(0.01);
        String l1l2 = any ? this.l1l2 : "0.001,0.005";
        Double decay = any ? weightDecay : Double.valueOf(0.1);
        if (l1 != null) {
            settings.add(Setting.kernels(Regularizers.l1(l1)));
        }
        if (l2 != null) {
            settings.add(Setting.kernels(Regularizers.l2(l2)));
        }
        if (l1l2 != null) {
            String[] parts = l1l2.split(",");
            if (parts.length != 2) {
                throw new UsageException("--l1l2 takes two factors, A,B; was " + l1l2);
            }
            settings.add(Setting.kernels(Regularizers.l1l2(number("--l1l2", parts[0]), number("--l1l2", parts[1]))));
        }
        if (decay != null) {
            settings.add(Setting.weightDecay(decay));
        }
        String maxNorm = maxNormDropout;
        if (maxNorm != null) {
            String[] parts = maxNorm.split(",");
            if (parts.length != 2) {
                throw new UsageException("--max-norm-dropout takes a norm and a rate, C,R; was " + maxNorm);
            }
            double c = number("--max-norm-dropout", parts[0]);
            double r = number("--max-norm-dropout", parts[1]);
            if (!(c >= 0) || !(r >= 0 && r < 1)) {
                throw new UsageException("--max-norm-dropout needs a norm >= 0 and a rate in [0, 1); was "
                        + maxNorm);
            }
            settings.add(Setting.maxNormDropout(c, r));
        }
        return settings;
    }

    private static double number(String option, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a number, was " + text);
        }
    }
}
