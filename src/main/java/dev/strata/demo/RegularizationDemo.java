package dev.strata.demo;

import static dev.strata.spec.Regularizers.l1;
import static dev.strata.spec.Regularizers.l1l2;
import static dev.strata.spec.Regularizers.l2;

import dev.strata.experiment.Comparison;
import dev.strata.experiment.ComparisonReport;
import dev.strata.experiment.LayerWeightStats;
import dev.strata.experiment.Setting;
import dev.strata.experiment.SettingResult;
import dev.strata.spec.Activation;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Regularizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The main job: one over-parameterised network (30-128-128-1) trained on the embedded data set without
 * regularization and with L2, L1 and L1L2 on every kernel, same seed and same data; prints how much each
 * setting overfits (train vs validation loss) and how sparse it makes the weights.
 */
public final class RegularizationDemo {
    public static final List<Setting> SETTINGS = List.of(Setting.none(), Setting.kernels(l2(0.01)),
            Setting.kernels(l1(0.002)), Setting.kernels(l1l2(0.001, 0.005)));

    private RegularizationDemo() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        run(DemoData.standard(), epochs, System.out);
    }

    /** The demo network, with the given penalty (or none) on every kernel. */
    public static Sequential network(Regularizer kernel) {
        return Sequential.named("demo").input(DemoData.FEATURES)
                .add(Dense.units(128).activation(Activation.RELU).kernelRegularizer(kernel))
                .add(Dense.units(128).activation(Activation.RELU).kernelRegularizer(kernel))
                .add(Dense.units(1).activation(Activation.SIGMOID).kernelRegularizer(kernel));
    }

    public static TrainingConfig config() {
        return TrainingConfig.of(Optimizer.adam(0.003), Loss.binaryCrossentropy(), Metric.ACCURACY);
    }

    public static ComparisonReport run(DemoData data, int epochs, PrintStream out) {
        out.println("Strata regularization demo: " + data.train().size() + " noisy training examples, "
                + data.validation().size() + " validation examples, " + DemoData.FEATURES + " features ("
                + DemoData.INFORMATIVE + " informative)");
        out.println(network(null).summary());
        ComparisonReport report = Comparison.run(network(null), config(), data.train(), data.validation(), SETTINGS,
                new Comparison.Options(epochs, 32, 1), out);
        out.println();
        out.print(report.table());
        SettingResult none = report.results().get(0);
        SettingResult ridge = report.results().get(1);
        SettingResult lasso = report.results().get(2);
        double[] inputWeight = inputWeightMeans(lasso);
        out.printf(Locale.ROOT, "%nWithout regularization the network memorises the noise: validation loss %.3f "
                + "against a train loss of %.3f.%n", none.finalValidationLoss(), none.trainDataLoss());
        out.printf(Locale.ROOT, "L2 cuts the gap from %.3f to %.3f; L1 zeroes %.0f%% of the first layer's weights "
                        + "and keeps the %d informative inputs (mean |w| %.4f against %.4f for the others).%n",
                none.gap(), ridge.gap(), 100 * lasso.layers().get(0).nearZero(), DemoData.INFORMATIVE,
                inputWeight[0], inputWeight[1]);
        return report;
    }

    /** Mean |w| of the first-layer weights fed by the informative inputs, and by the others. */
    public static double[] inputWeightMeans(SettingResult result) {
        float[] first = result.firstKernel();
        int units = first.length / DemoData.FEATURES;
        double useful = 0;
        double useless = 0;
        for (int i = 0; i < first.length; i++) {
            if (i / units < DemoData.INFORMATIVE) {
                useful += Math.abs(first[i]);
            } else {
                useless += Math.abs(first[i]);
            }
        }
        return new double[] {useful / (DemoData.INFORMATIVE * units),
                useless / ((DemoData.FEATURES - DemoData.INFORMATIVE) * units)};
    }

    static LayerWeightStats firstLayer(SettingResult r) {
        return r.layers().get(0);
    }
}
