package dev.strata.cli;

import dev.strata.demo.DemoData;
import dev.strata.demo.RegularizationDemo;
import java.io.PrintStream;
import java.util.List;

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
                Usage: strata demo [--epochs N]

                Trains a 30-128-128-1 network on the embedded data set (200 noisy training examples,
                2,000 validation examples, 30 features of which 4 matter) without regularization and with
                L2, L1 and L1L2 on every kernel, then prints train loss, validation loss, their gap, and the
                fraction of near-zero weights for each setting.

                  --epochs N   epochs per setting (default 150)
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments a = new Arguments(args, List.of("--epochs"), List.of());
        int epochs = a.intValue("--epochs", 150);
        a.requireNoPositionals(0);
        RegularizationDemo.run(DemoData.standard(), epochs, out);
        return 0;
    }
}
