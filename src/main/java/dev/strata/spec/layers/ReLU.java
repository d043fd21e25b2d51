package dev.strata.spec.layers;

import dev.strata.spec.Activation;
import dev.strata.spec.ConfigField;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/**
 * Keras {@code ReLU}: {@code x} above {@code threshold} (else 0), capped at {@code max_value}, minus
 * {@code negative_slope * relu(threshold - x)} below it; with the defaults it is plain relu. Keras refuses
 * negative arguments, and so does Strata.
 */
public record ReLU(String name, Double maxValue, double negativeSlope, double threshold) implements Layer {

    public static final ConfigField<Double> MAX_VALUE = ConfigField.number("max_value").nullable().atLeast(0);
    public static final ConfigField<Double> NEGATIVE_SLOPE = ConfigField.number("negative_slope").defaultsTo(0.0)
            .atLeast(0);
    public static final ConfigField<Double> THRESHOLD = ConfigField.number("threshold").defaultsTo(0.0).atLeast(0);

    public static final LayerType<ReLU> TYPE = LayerType.of(ReLU.class, "ReLU", "re_lu", MAX_VALUE, NEGATIVE_SLOPE,
            THRESHOLD).withoutBuildConfig()
            .passingMasks();

    public static ReLU create() {
        return TYPE.defaults();
    }

    @Override
    public LayerType<ReLU> type() {
        return TYPE;
    }

    public ReLU name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public ReLU withName(String name) {
        return name(name);
    }

    /** The cap, or null for none. */
    public ReLU maxValue(Double maxValue) {
        return TYPE.with(this, MAX_VALUE, maxValue);
    }

    public ReLU negativeSlope(double negativeSlope) {
        return TYPE.with(this, NEGATIVE_SLOPE, negativeSlope);
    }

    public ReLU threshold(double threshold) {
        return TYPE.with(this, THRESHOLD, threshold);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        return input;
    }

    @Override
    public Activation appliedActivation() {
        if (negativeSlope != 0 || threshold != 0) {
            return Activation.LINEAR;
        }
        return maxValue == null ? Activation.RELU : maxValue == 6 ? Activation.RELU6 : Activation.LINEAR;
    }
}
