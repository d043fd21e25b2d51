package dev.strata.samples;

import dev.strata.demo.DemoData;
import dev.strata.json.Dialect;
import dev.strata.json.ModelJson;
import dev.strata.json.ReadResult;
import dev.strata.spec.Activation;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Dropout;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Regularizers;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.train.FitOptions;
import dev.strata.train.Model;

/**
 * A model defined in Java, written as Keras 3 JSON (what Python's {@code keras.models.model_from_json}
 * reads), read back, and trained from the JSON alone, its training configuration included.
 */
public final class TrainFromJson {
    public static void main(String[] args) {
        Sequential spec = Sequential.named("from_json").input(DemoData.FEATURES)
                .add(Dense.units(32).activation(Activation.RELU).kernelRegularizer(Regularizers.l1l2(1e-4, 1e-3)))
                .add(Dropout.rate(0.1).seed(7))
                .add(Dense.units(1).activation(Activation.SIGMOID));
        TrainingConfig config = TrainingConfig.of(Optimizer.adam(0.003), Loss.binaryCrossentropy(), Metric.ACCURACY);
        String json = ModelJson.write(spec, config, Dialect.KERAS3);
        System.out.println(json);

        ReadResult read = ModelJson.read(json);
        System.out.println("read back equal to the Java spec: " + read.spec().equals(spec));
        DemoData data = DemoData.standard();
        try (Model model = Model.compile(read.spec(), read.training().orElseThrow())) {
            model.fit(data.train(), FitOptions.epochs(10).batchSize(32).validationData(data.validation()));
        }
    }
}
