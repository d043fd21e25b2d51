package dev.strata.samples;

import static dev.strata.spec.Activation.RELU;
import static dev.strata.spec.Activation.SOFTMAX;
import static dev.strata.spec.Regularizers.l2;

import dev.strata.demo.ShapeImages;
import dev.strata.spec.Functional;
import dev.strata.spec.Input;
import dev.strata.spec.KerasTensor;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.Optimizer;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.ActivationLayer;
import dev.strata.spec.layers.Add;
import dev.strata.spec.layers.BatchNormalization;
import dev.strata.spec.layers.Conv2D;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.GlobalAveragePooling2D;
import dev.strata.spec.layers.Padding;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;

/**
 * A residual CNN on the embedded shape images: a stem convolution, then a ResNet block (two 3x3 convolutions with
 * BatchNormalization whose output is added to the block's input before the ReLU), global average pooling and a
 * softmax. L2 on every kernel. Run: {@code mvn -q compile exec:java -Dexec.mainClass=dev.strata.samples.ResidualCnn}.
 */
public final class ResidualCnn {
    private ResidualCnn() {
    }

    /** conv - BN - relu - conv - BN, added to the shortcut, then relu: the block of He et al. (2016). */
    static KerasTensor residualBlock(KerasTensor x, int filters, String name) {
        KerasTensor y = Conv2D.of(filters, 3).padding(Padding.SAME).useBias(false).kernelRegularizer(l2(1e-4))
                .name(name + "_conv1").apply(x);
        y = BatchNormalization.create().name(name + "_bn1").apply(y);
        y = ActivationLayer.of(RELU).name(name + "_relu1").apply(y);
        y = Conv2D.of(filters, 3).padding(Padding.SAME).useBias(false).kernelRegularizer(l2(1e-4))
                .name(name + "_conv2").apply(y);
        y = BatchNormalization.create().name(name + "_bn2").apply(y);
        KerasTensor sum = Add.create().name(name + "_add").apply(x, y);
        return ActivationLayer.of(RELU).name(name + "_out").apply(sum);
    }

    public static Functional spec() {
        KerasTensor image = Input.named("image", ShapeImages.SIZE, ShapeImages.SIZE, 1);
        KerasTensor x = Conv2D.of(8, 3).padding(Padding.SAME).activation(RELU).kernelRegularizer(l2(1e-4))
                .name("stem").apply(image);
        x = residualBlock(x, 8, "block1");
        x = GlobalAveragePooling2D.create().apply(x);
        KerasTensor shape = Dense.units(ShapeImages.CLASSES).activation(SOFTMAX).kernelRegularizer(l2(1e-4))
                .name("shape").apply(x);
        return Functional.of("residual_cnn", image, shape);
    }

    public static TrainingConfig config() {
        return TrainingConfig.of(Optimizer.adam(0.01), Loss.categoricalCrossentropy(), Metric.ACCURACY);
    }

    public static void main(String[] args) {
        ShapeImages data = ShapeImages.standard();
        try (Model model = Model.compile(spec(), config())) {
            System.out.println(model.summary());
            History history = model.fit(data.train(), FitOptions.epochs(10).batchSize(32)
                    .validationData(data.validation()));
            System.out.println("final loss " + history.last("loss") + ", val_accuracy " + history.last("val_accuracy"));
            model.losses().forEach(System.out::println);
        }
    }
}
