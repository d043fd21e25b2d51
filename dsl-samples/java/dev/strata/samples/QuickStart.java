package dev.strata.samples;

import static dev.strata.spec.Activation.RELU;
import static dev.strata.spec.Activation.SOFTMAX;
import static dev.strata.spec.Metric.ACCURACY;
import static dev.strata.spec.Regularizers.l1;
import static dev.strata.spec.Regularizers.l1l2;
import static dev.strata.spec.Regularizers.l2;

import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Dropout;
import dev.strata.train.CsvLoader;
import dev.strata.train.CsvOptions;
import dev.strata.train.Dataset;
import dev.strata.train.Evaluation;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import java.nio.file.Path;

/**
 * README's "In ten lines", line for line, on the bundled digits (8x8 images as 64 columns): run it from the IDE
 * with the project root as working directory.
 */
public final class QuickStart {
    public static void main(String[] args) {
        Dataset[] digits = CsvLoader.load(Path.of("dsl-samples/data/digits.csv"),
                CsvOptions.label("digit").oneHot(10).standardize()).dataset().splitLast(0.2);
        Sequential spec = Sequential.named("mlp").input(64)
                .add(Dense.units(256).activation(RELU).kernelRegularizer(l2(0.01)).biasRegularizer(l1(0.001)))
                .add(Dropout.rate(0.3))
                .add(Dense.units(10).activation(SOFTMAX).activityRegularizer(l1l2(0.0, 0.001)));
        try (Model model = Model.compile(spec, TrainingConfig.of(Optimizer.adam(1e-3), Loss.categoricalCrossentropy(),
                ACCURACY))) {
            History history = model.fit(digits[0], FitOptions.epochs(10).batchSize(128).validationSplit(0.1));
            Evaluation eval = model.evaluate(digits[1]);     // loss, data_loss, regularization_loss, accuracy
            float[][] probabilities = model.predict(digits[1], 256); // runs the inference graph
            model.losses().forEach(System.out::println);    // each weight penalty, by name
            System.out.println(eval + "; first test digit's probabilities: "
                    + java.util.Arrays.toString(probabilities[0]) + "; final val_loss " + history.last("val_loss"));
        }
    }
}
