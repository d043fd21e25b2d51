package dev.strata.samples;

import static dev.strata.spec.Regularizers.l1;
import static dev.strata.spec.Regularizers.l1l2;
import static dev.strata.spec.Regularizers.l2;

import dev.strata.demo.DemoData;
import dev.strata.demo.RegularizationDemo;
import dev.strata.experiment.Comparison;
import dev.strata.experiment.ComparisonReport;
import dev.strata.experiment.Setting;
import java.util.List;

/**
 * "Try both L1 and L2 on your data set and keep whichever reduces overfitting and compute time most":
 * the demo network under no regularization, L1, L2, L1L2 and decoupled weight decay, same seed and data.
 * On the embedded data, L2 and L1 shrink the train-validation gap, and L1 zeroes most first-layer weights
 * except those of the informative inputs (feature selection).
 */
public final class RegularizationExperiment {
    public static void main(String[] args) {
        DemoData data = DemoData.standard();
        List<Setting> settings = List.of(Setting.none(), Setting.kernels(l1(0.002)), Setting.kernels(l2(0.01)),
                Setting.kernels(l1l2(0.001, 0.005)), Setting.weightDecay(0.05));
        ComparisonReport report = Comparison.run(RegularizationDemo.network(null), RegularizationDemo.config(),
                data.train(), data.validation(), settings, new Comparison.Options(150, 32, 1), System.out);
        System.out.println(report.table());
        double[] inputs = RegularizationDemo.inputWeightMeans(report.result("L1(0.002)"));
        System.out.printf("L1 first layer: mean |w| from the %d informative inputs %.4f, from the others %.4f%n",
                DemoData.INFORMATIVE, inputs[0], inputs[1]);
    }
}
