package dev.strata.cli;

import dev.strata.demo.DemoData;
import dev.strata.demo.RegularizationDemo;
import dev.strata.experiment.ComparisonReport;
import dev.strata.experiment.SettingResult;
import dev.strata.io.HistoryPlot;
import dev.strata.train.History;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code demo}: the main job, regularization against overfitting on the embedded data set. */
final class DemoCommand implements Command {
    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "train one network without and with L2/L1/L1L2 on the embedded data and compare overfitting";
    }

    @Override
    public String usage() {
        return """
                Usage: strata demo [--epochs N] [--png FILE]

                Trains a 30-128-128-1 network on the embedded data set (200 noisy training examples,
                2,000 validation examples, 30 features of which 4 matter) without regularization and with
                L2, L1 and L1L2 on every kernel, then prints train loss, validation loss, their gap, and the
                fraction of near-zero weights for each setting.

                  --epochs N   epochs per setting (default 150)
                  --png FILE   where to draw the training and validation curves (default target/strata-demo.png)
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments a = new Arguments(args, List.of("--epochs", "--png"), List.of());
        int epochs = a.intValue("--epochs", 150);
        a.requireNoPositionals(0);
        ComparisonReport report = RegularizationDemo.run(DemoData.standard(), epochs, out);
        Path png = Path.of(a.value("--png", "target/strata-demo.png"));
        Map<String, History> runs = new LinkedHashMap<>();
        for (SettingResult r : report.results()) {
            runs.put(r.label(), r.history());
        }
        HistoryPlot.writeComparison(runs, List.of("data_loss"), png);
        out.println("training and validation curves: " + png.toAbsolutePath());
        return 0;
    }
}
