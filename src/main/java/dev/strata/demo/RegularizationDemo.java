package dev.strata.demo;

import static dev.strata.spec.Regularizers.l1;
import static dev.strata.spec.Regularizers.l1l2;
import static dev.strata.spec.Regularizers.l2;

import dev.strata.graph.WeightSet;
import dev.strata.spec.Activation;
import dev.strata.spec.Dense;
import dev.strata.spec.Describe;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Regularizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.train.Evaluation;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import dev.strata.train.ModelOptions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The main job: one over-parameterised network (30-128-128-1) trained on the embedded data set without
 * regularization and with L2, L1 and L1L2 on every kernel, same seed and same data; prints how much each
 * setting overfits (train vs validation loss) and how sparse it makes the weights.
 */
public final class RegularizationDemo {
    /** Below this magnitude a weight counts as zero. */
    public static final double NEAR_ZERO = 1e-3;

    /** One row of the result table. */
    public record Row(String setting, double trainLoss, double validationLoss, double validationAccuracy,
                      double nearZeroAll, double nearZeroFirstLayer, double usefulInputWeight,
                      double uselessInputWeight, double seconds) {
        public double gap() {
            return validationLoss - trainLoss;
        }
    }

    private RegularizationDemo() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        run(DemoData.standard(), epochs, System.out);
    }

    public static Sequential network(Regularizer kernel) {
        return Sequential.named("demo").input(DemoData.FEATURES)
                .add(Dense.units(128).activation(Activation.RELU).kernelRegularizer(kernel))
                .add(Dense.units(128).activation(Activation.RELU).kernelRegularizer(kernel))
                .add(Dense.units(1).activation(Activation.SIGMOID).kernelRegularizer(kernel));
    }

    public static List<Row> run(DemoData data, int epochs, PrintStream out) {
        out.println("Strata regularization demo: " + data.train().size() + " noisy training examples, "
                + data.validation().size() + " validation examples, " + DemoData.FEATURES + " features ("
                + DemoData.INFORMATIVE + " informative)");
        out.println(network(null).summary());
        List<Row> rows = new ArrayList<>();
        Regularizer[] settings = {null, l2(0.01), l1(0.002), l1l2(0.001, 0.005)};
        for (Regularizer r : settings) {
            rows.add(train(data, r, epochs));
            out.println("trained: " + label(r));
        }
        out.println();
        out.print(table(rows));
        Row none = rows.get(0);
        out.printf(Locale.ROOT, "%nWithout regularization the network memorises the noise: validation loss %.3f "
                + "against a train loss of %.3f.%n", none.validationLoss(), none.trainLoss());
        out.printf(Locale.ROOT, "L2 cuts the gap to %.3f; L1 zeroes %.0f%% of the first layer's weights, keeping "
                        + "those of the %d informative inputs (mean |w| %.4f vs %.4f).%n", rows.get(1).gap(),
                100 * rows.get(2).nearZeroFirstLayer(), DemoData.INFORMATIVE, rows.get(2).usefulInputWeight(),
                rows.get(2).uselessInputWeight());
        return rows;
    }

    static Row train(DemoData data, Regularizer r, int epochs) {
        long start = System.nanoTime();
        TrainingConfig config = TrainingConfig.of(Optimizer.adam(0.003), Loss.binaryCrossentropy(), Metric.ACCURACY);
        try (Model m = Model.compile(network(r), config, ModelOptions.defaults().seed(1))) {
            History h = m.fit(data.train(), FitOptions.epochs(epochs).batchSize(32)
                    .validationData(data.validation()).quiet());
            Evaluation train = m.evaluate(data.train());
            WeightSet w = m.weights();
            int zeros = 0;
            int total = 0;
            for (String name : List.of("dense/kernel", "dense_1/kernel", "dense_2/kernel")) {
                for (float v : w.values(name)) {
                    zeros += Math.abs(v) < NEAR_ZERO ? 1 : 0;
                    total++;
                }
            }
            float[] first = w.values("dense/kernel");
            int units = first.length / DemoData.FEATURES;
            int firstZeros = 0;
            double useful = 0;
            double useless = 0;
            for (int i = 0; i < first.length; i++) {
                firstZeros += Math.abs(first[i]) < NEAR_ZERO ? 1 : 0;
                if (i / units < DemoData.INFORMATIVE) {
                    useful += Math.abs(first[i]);
                } else {
                    useless += Math.abs(first[i]);
                }
            }
            return new Row(label(r), train.dataLoss(), h.last("val_data_loss"), h.last("val_accuracy"),
                    zeros / (double) total, firstZeros / (double) first.length,
                    useful / (DemoData.INFORMATIVE * units), useless / ((DemoData.FEATURES - DemoData.INFORMATIVE) * units),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    static String label(Regularizer r) {
        return r == null ? "none" : Describe.of(r);
    }

    public static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-18s %10s %10s %8s %8s %10s %12s %8s%n", "regularizer", "train loss",
                "val loss", "gap", "val acc", "|w|<1e-3", "layer 1 |w|<", "time"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-18s %10.4f %10.4f %8.4f %8.3f %9.1f%% %11.1f%% %7.1fs%n",
                    r.setting(), r.trainLoss(), r.validationLoss(), r.gap(), r.validationAccuracy(),
                    100 * r.nearZeroAll(), 100 * r.nearZeroFirstLayer(), r.seconds()));
        }
        return sb.toString();
    }
}
