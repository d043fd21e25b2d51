package dev.strata.spec.layers;

import dev.strata.spec.Activation;
import dev.strata.spec.ConfigField;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/** Keras {@code ELU}: {@code x} for positive inputs, {@code alpha * (exp(x) - 1)} otherwise. */
public record ELU(String name, double alpha) implements Layer {

    public static final ConfigField<Double> ALPHA = ConfigField.number("alpha").defaultsTo(1.0);

    public static final LayerType<ELU> TYPE = LayerType.of(ELU.class, "ELU", "elu", ALPHA).withoutBuildConfig()
            .passingMasks();

    public static ELU create() {
        return TYPE.defaults();
    }

    public static ELU alphaOf(double alpha) {
        return TYPE.make(ALPHA, alpha);
    }

    @Override
    public LayerType<ELU> type() {
        return TYPE;
    }

    public ELU name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public ELU withName(String name) {
        return name(name);
    }

    public ELU alpha(double alpha) {
        return TYPE.with(this, ALPHA, alpha);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        return input;
    }

    @Override
    public Activation appliedActivation() {
        return alpha == 1.0 ? Activation.ELU : Activation.LINEAR;
    }
}
