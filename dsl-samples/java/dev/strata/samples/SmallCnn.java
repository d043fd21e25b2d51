package dev.strata.samples;

import static dev.strata.spec.Activation.RELU;
import static dev.strata.spec.Activation.SOFTMAX;
import static dev.strata.spec.Regularizers.l1;
import static dev.strata.spec.Regularizers.l2;

import dev.strata.demo.ShapeImages;
import dev.strata.io.SavedModelExport;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.ActivationLayer;
import dev.strata.spec.layers.BatchNormalization;
import dev.strata.spec.layers.Conv2D;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Dropout;
import dev.strata.spec.layers.Flatten;
import dev.strata.spec.layers.MaxPooling2D;
import dev.strata.spec.layers.Padding;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import java.nio.file.Path;

/**
 * A small regularized CNN on the embedded shape images: Conv2D + BatchNormalization + MaxPooling2D + Dropout +
 * Dense, L2 on every kernel, L2/L1 on BatchNormalization's gamma/beta. Trains in seconds, prints the history, the
 * evaluation (which uses BatchNormalization's moving statistics) and the penalties, and exports a SavedModel.
 */
public final class SmallCnn {
    public static Sequential spec() {
        return Sequential.named("small_cnn").input(ShapeImages.SIZE, ShapeImages.SIZE, 1)
                .add(Conv2D.of(8, 3).padding(Padding.SAME).kernelRegularizer(l2(1e-3)))
                .add(BatchNormalization.create().gammaRegularizer(l2(1e-4)).betaRegularizer(l1(1e-4)))
                .add(ActivationLayer.of(RELU))
                .add(MaxPooling2D.poolSize(2))
                .add(Dropout.rate(0.25))
                .add(Flatten.create())
                .add(Dense.units(ShapeImages.CLASSES).activation(SOFTMAX).kernelRegularizer(l2(1e-3)));
    }

    public static TrainingConfig config() {
        return TrainingConfig.of(Optimizer.adam(0.01), Loss.categoricalCrossentropy(), Metric.ACCURACY);
    }

    public static void main(String[] args) {
        ShapeImages data = ShapeImages.standard();
        try (Model model = Model.compile(spec(), config())) {
            System.out.println(model.summary());
            History history = model.fit(data.train(), FitOptions.epochs(8).batchSize(32)
                    .validationData(data.validation()));
            System.out.println("final loss " + history.last("loss") + ", val_accuracy " + history.last("val_accuracy"));
            System.out.println(model.evaluate(data.validation()));
            model.losses().forEach(System.out::println);
            Path export = Path.of(args.length > 0 ? args[0] : "target/small-cnn");
            SavedModelExport.export(model, export);
            System.out.println("SavedModel written to " + export.toAbsolutePath());
        }
    }
}
