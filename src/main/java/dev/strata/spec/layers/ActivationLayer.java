package dev.strata.spec.layers;

import dev.strata.spec.Activation;
import dev.strata.spec.ConfigField;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/** Keras {@code Activation} layer: applies an activation function and has no weights. */
public record ActivationLayer(String name, Activation activation) implements Layer {

    public static final ConfigField<Activation> ACTIVATION = ConfigField.activation("activation").defaultsTo(null)
            .required();

    public static final LayerType<ActivationLayer> TYPE = LayerType.of(ActivationLayer.class, "Activation",
            "activation", ACTIVATION).withoutBuildConfig()
            .passingMasks();

    public static ActivationLayer of(Activation activation) {
        return TYPE.make(ACTIVATION, activation);
    }

    @Override
    public LayerType<ActivationLayer> type() {
        return TYPE;
    }

    public ActivationLayer name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public ActivationLayer withName(String name) {
        return name(name);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        return input;
    }

    @Override
    public Activation appliedActivation() {
        return activation;
    }
}
