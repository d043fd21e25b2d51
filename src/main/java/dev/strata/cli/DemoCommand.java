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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import java.util.Map;

/** {@code demo}: the main job, regularization against overfitting on the embedded data set. */
@Command(name = "demo", description = {
        "compare overfitting without and with L2/L1/L1L2 on the embedded data", "",
        "Trains a 30-128-128-1 network on the embedded data set (200 noisy training examples, 2,000 validation "
                + "examples, 30 features of which 4 matter) without regularization and with L2, L1 and L1L2 on "
                + "every kernel, then prints train loss, validation loss, their gap, and the fraction of near-zero "
                + "weights for each setting."})
final class DemoCommand extends StrataCommand {
    @Option(names = "--epochs", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "epochs per setting (default ${DEFAULT-VALUE})")
    int epochs = 150;

    @Option(names = "--png", paramLabel = "FILE", description = "where to draw the training and validation curves "
            + "(default target/strata-demo.png, its directory created)")
    Path png;

    DemoCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        // Checked only when given: the default's directory is created, as in a fresh checkout.
        CommandFiles.requireOutputFile("--png", png, ".png");
        Path png = this.png != null ? this.png : Path.of("target/strata-demo.png");
        ComparisonReport report = RegularizationDemo.run(DemoData.standard(), epochs, out);
        Map<String, History> runs = new LinkedHashMap<>();
        for (SettingResult r : report.results()) {
            runs.put(r.label(), r.history());
        }
        HistoryPlot.writeComparison(runs, List.of("data_loss"), png);
        out.println("training and validation curves: " + png.toAbsolutePath());
        return 0;
    }
}
