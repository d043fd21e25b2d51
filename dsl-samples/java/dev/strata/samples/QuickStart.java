package dev.strata.samples;

import static dev.strata.spec.Activation.RELU;
import static dev.strata.spec.Activation.SIGMOID;
import static dev.strata.spec.Regularizers.l2;

import dev.strata.demo.DemoData;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Dropout;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;

/** The README example: a regularized MLP trained on the embedded demo data. Run it from the IDE. */
public final class QuickStart {
    public static void main(String[] args) {
        DemoData data = DemoData.standard();
        Sequential spec = Sequential.named("quickstart").input(DemoData.FEATURES)
                .add(Dense.units(64).activation(RELU).kernelRegularizer(l2(0.01)))
                .add(Dropout.rate(0.2))
                .add(Dense.units(1).activation(SIGMOID));
        try (Model model = Model.compile(spec, TrainingConfig.of(Optimizer.adam(0.003), Loss.binaryCrossentropy(),
                Metric.ACCURACY))) {
            History history = model.fit(data.train(), FitOptions.epochs(20).batchSize(32)
                    .validationData(data.validation()));
            System.out.println(model.evaluate(data.validation()));
            System.out.println("regularization terms: " + model.losses());
            System.out.println("first validation prediction: " + model.predict(data.validation(), 1)[0][0]
                    + ", final val_loss " + history.last("val_loss"));
        }
    }
}
