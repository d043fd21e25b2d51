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

/**
 * {@code compare}: one spec under several regularization settings, same seed, data and schedule; a table,
 * and optionally CSV and a PNG of the training and validation curves per setting.
 */
final class CompareCommand implements Command {
    private static final List<String> SETTINGS = List.of("--l1", "--l2", "--l1l2", "--weight-decay",
            "--max-norm-dropout");
    private static final List<String> OPTIONS = List.of("--l1", "--l2", "--l1l2", "--weight-decay",
            "--max-norm-dropout", "--epochs", "--batch-size", "--seed", "--csv", "--png");

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String summary() {
        return "train one spec under no regularization, L1, L2, L1L2, weight decay, max-norm + dropout, and compare";
    }

    @Override
    public String usage() {
        return """
                Usage: strata compare [SPEC.json] [options]

                Trains the spec (default: the demo network on the embedded demo data) once per setting:
                none, and each of the settings given (default: --l1 0.002 --l2 0.01 --l1l2 0.001,0.005
                --weight-decay 0.1). Each setting replaces the kernel regularizer of every Dense layer (and
                removes other penalties), or switches on decoupled weight decay. Reports final and best
                validation loss and metric, the train-validation gap, seconds per epoch, the penalties' share of
                the objective, and per layer the fraction of near-zero weights and the L1/L2 norms.

                  --l1 F, --l2 F, --l1l2 A,B, --weight-decay F   the settings to compare with none
                  --max-norm-dropout C,R   max-norm C on each unit's incoming weights and dropout R after each
                                           hidden layer, no penalties (Srivastava et al.: C 3 to 4, R 0.5)
                  --data FILE.csv, --label NAME|INDEX, --validation-split F, --standardize   as for train
                  --epochs N               (default 150 for the demo, 30 otherwise)
                  --batch-size N           (default 32)
                  --seed N                 (default 0, as train)
                  --csv FILE               write the report as CSV
                  --png FILE               write training and validation curves per setting
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        List<String> valued = new ArrayList<>(OPTIONS);
        valued.addAll(TrainingData.OPTIONS);
        Arguments a = new Arguments(args, valued, TrainingData.FLAGS);
        a.requireNoPositionals(1);
        int epochsOption = a.intValue("--epochs", 30);
        int batchSize = a.intValue("--batch-size", 32);
        long seed = a.longValue("--seed", 0);
        List<Setting> settings = settings(a);
        TrainingData.checkOptions(a);
        CommandFiles.requireInput(a.positionals().isEmpty() ? null : a.positionals().get(0), "spec");
        CommandFiles.requireOutputFile(a, "--csv", null);
        CommandFiles.requireOutputFile(a, "--png", ".png");
        Sequential spec;
        TrainingConfig config;
        boolean demo = a.positionals().isEmpty();
        if (demo) {
            spec = RegularizationDemo.network(null);
            config = RegularizationDemo.config();
        } else {
            ReadResult read = SpecFiles.read(Path.of(a.positionals().get(0)));
            ModelSpec any = read.spec();
            spec = any instanceof Sequential s ? s : ((dev.strata.spec.Functional) any).toSequential();
            config = SpecFiles.trainingFor(read, GraphCompiler.check(spec));
        }
        ModelSummary summary = GraphCompiler.check(spec, config);
        TrainingData data = TrainingData.from(a, summary, config);
        if (data.validation() == null) {
            throw new Arguments.UsageException("a comparison needs validation data: use a --validation-split above 0");
        }
        int epochs = a.value("--epochs", null) == null && demo ? 150 : epochsOption;
        out.println("Comparing " + settings.size() + " settings on " + data.description() + ", " + epochs
                + " epochs each");
        ComparisonReport report = Comparison.run(spec, config, data.train(), data.validation(), settings,
                new Comparison.Options(epochs, batchSize, seed), out);
        out.println();
        out.print(report.table());
        if (a.value("--csv", null) != null) {
            report.writeCsv(Path.of(a.value("--csv", null)));
            out.println("report written to " + a.value("--csv", null));
        }
        if (a.value("--png", null) != null) {
            Map<String, dev.strata.train.History> runs = new LinkedHashMap<>();
            for (SettingResult r : report.results()) {
                runs.put(r.label(), r.history());
            }
            HistoryPlot.writeComparison(runs, List.of("data_loss"), Path.of(a.value("--png", null)));
            out.println("curves written to " + a.value("--png", null));
        }
        return 0;
    }

    private static List<Setting> settings(Arguments a) {
        List<Setting> settings = new ArrayList<>();
        settings.add(Setting.none());
        boolean any = false;
        for (String option : SETTINGS) {
            any |= a.value(option, null) != null;
        }
        String l1 = a.value("--l1", any ? null : "0.002");
        String l2 = a.value("--l2", any ? null : "0.01");
        String l1l2 = a.value("--l1l2", any ? null : "0.001,0.005");
        String decay = a.value("--weight-decay", any ? null : "0.1");
        if (l1 != null) {
            settings.add(Setting.kernels(Regularizers.l1(number("--l1", l1))));
        }
        if (l2 != null) {
            settings.add(Setting.kernels(Regularizers.l2(number("--l2", l2))));
        }
        if (l1l2 != null) {
            String[] parts = l1l2.split(",");
            if (parts.length != 2) {
                throw new Arguments.UsageException("--l1l2 takes two factors, A,B; was " + l1l2);
            }
            settings.add(Setting.kernels(Regularizers.l1l2(number("--l1l2", parts[0]), number("--l1l2", parts[1]))));
        }
        if (decay != null) {
            settings.add(Setting.weightDecay(number("--weight-decay", decay)));
        }
        String maxNorm = a.value("--max-norm-dropout", null);
        if (maxNorm != null) {
            String[] parts = maxNorm.split(",");
            if (parts.length != 2) {
                throw new Arguments.UsageException("--max-norm-dropout takes a norm and a rate, C,R; was " + maxNorm);
            }
            double c = number("--max-norm-dropout", parts[0]);
            double r = number("--max-norm-dropout", parts[1]);
            if (!(c >= 0) || !(r >= 0 && r < 1)) {
                throw new Arguments.UsageException("--max-norm-dropout needs a norm >= 0 and a rate in [0, 1); was "
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
            throw new Arguments.UsageException(option + " must be a number, was " + text);
        }
    }
}
