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
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Concatenate;
import dev.strata.spec.layers.Conv2D;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.GlobalAveragePooling2D;
import dev.strata.spec.layers.MaxPooling2D;
import dev.strata.spec.layers.Padding;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Two inputs, two outputs, a loss each and loss weights. Inputs: a shape image and a scale factor. Outputs:
 * {@code shape}, the image's class (softmax, crossentropy, accuracy), and {@code brightness}, the scale times the
 * image's mean pixel value (linear, mean squared error, weighted 0.5), which needs both inputs: the image features
 * are concatenated with the scale. Run: {@code mvn -q compile exec:java -Dexec.mainClass=dev.strata.samples.TwoHeads}.
 */
public final class TwoHeads {
    private TwoHeads() {
    }

    public static Functional spec() {
        KerasTensor image = Input.named("image", ShapeImages.SIZE, ShapeImages.SIZE, 1);
        KerasTensor scale = Input.named("scale", 1);
        KerasTensor features = Conv2D.of(16, 3).padding(Padding.SAME).activation(RELU).kernelRegularizer(l2(1e-4))
                .apply(image);
        features = MaxPooling2D.poolSize(2).apply(features);
        features = Conv2D.of(16, 3).padding(Padding.SAME).activation(RELU).kernelRegularizer(l2(1e-4))
                .apply(features);
        features = GlobalAveragePooling2D.create().apply(features);
        KerasTensor shape = Dense.units(ShapeImages.CLASSES).activation(SOFTMAX).name("shape").apply(features);
        KerasTensor joint = Concatenate.create().apply(features, scale);
        KerasTensor hidden = Dense.units(8).activation(RELU).kernelRegularizer(l2(1e-4)).apply(joint);
        KerasTensor brightness = Dense.units(1).name("brightness").apply(hidden);
        return Functional.of("two_heads", List.of(image, scale), List.of(shape, brightness));
    }

    public static TrainingConfig config() {
        return TrainingConfig.of(Optimizer.adam(0.01))
                .loss("shape", Loss.categoricalCrossentropy()).metrics("shape", Metric.ACCURACY)
                .loss("brightness", Loss.meanSquaredError()).lossWeight("brightness", 0.5);
    }

    /** The shape images with a random scale each, and both targets: the class and scale x mean pixel. */
    public static Dataset data(Dataset images, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = images.size();
        int pixels = ShapeImages.SIZE * ShapeImages.SIZE;
        float[] x = new float[n * pixels];
        float[] scale = new float[n];
        float[] shape = new float[n * ShapeImages.CLASSES];
        float[] brightness = new float[n];
        for (int i = 0; i < n; i++) {
            float[] img = images.input(i);
            System.arraycopy(img, 0, x, i * pixels, pixels);
            System.arraycopy(images.target(i), 0, shape, i * ShapeImages.CLASSES, ShapeImages.CLASSES);
            scale[i] = (float) (0.5 + 1.5 * rng.nextDouble());
            double sum = 0;
            for (float p : img) {
                sum += p;
            }
            brightness[i] = (float) (scale[i] * sum / pixels);
        }
        return Dataset.of(List.of(x, scale), List.of(ShapeImages.SHAPE, TensorShape.of(1)),
                List.of(shape, brightness), List.of(TensorShape.of(ShapeImages.CLASSES), TensorShape.of(1)));
    }

    public static void main(String[] args) {
        ShapeImages images = ShapeImages.standard();
        Dataset train = data(images.train(), 1);
        Dataset validation = data(images.validation(), 2);
        try (Model model = Model.compile(spec(), config())) {
            System.out.println(model.summary());
            History history = model.fit(train, FitOptions.epochs(12).batchSize(32).validationData(validation));
            System.out.println("val_shape_accuracy " + history.last("val_shape_accuracy") + ", val_brightness_loss "
                    + history.last("val_brightness_loss"));
        }
    }
}
