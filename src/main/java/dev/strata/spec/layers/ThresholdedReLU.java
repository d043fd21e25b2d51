package dev.strata.spec.layers;

import dev.strata.spec.Activation;
import dev.strata.spec.ConfigField;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/**
 * Keras 1 and 2's {@code ThresholdedReLU}: {@code x} where {@code x > theta}, else 0. Keras 3 removed the class
 * (its {@code ReLU(threshold=theta)} computes the same), so a model holding it loads only in Keras 1 and 2.
 */
public record ThresholdedReLU(String name, double theta) implements Layer {

    public static final ConfigField<Double> THETA = ConfigField.number("theta").defaultsTo(1.0).atLeast(0);

    public static final LayerType<ThresholdedReLU> TYPE = LayerType.of(ThresholdedReLU.class, "ThresholdedReLU",
            "thresholded_re_lu", THETA).withoutBuildConfig();

    public static ThresholdedReLU create() {
        return TYPE.defaults();
    }

    public static ThresholdedReLU thetaOf(double theta) {
        return TYPE.make(THETA, theta);
    }

    @Override
    public LayerType<ThresholdedReLU> type() {
        return TYPE;
    }

    public ThresholdedReLU name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public ThresholdedReLU withName(String name) {
        return name(name);
    }

    public ThresholdedReLU theta(double theta) {
        return TYPE.with(this, THETA, theta);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        return input;
    }

    @Override
    public Activation appliedActivation() {
        return Activation.LINEAR;
    }
}
