package dev.strata.spec;

/** Keras {@code Activation} layer: applies an activation function and has no weights. */
public record ActivationLayer(String name, Activation activation) implements Layer {

    public static ActivationLayer of(Activation activation) {
        return new ActivationLayer(null, activation);
    }

    public ActivationLayer name(String name) {
        return new ActivationLayer(name, activation);
    }

    @Override
    public ActivationLayer withName(String name) {
        return name(name);
    }

    @Override
    public String kerasClassName() {
        return "Activation";
    }

    @Override
    public String namePrefix() {
        return "activation";
    }

    @Override
    public void validate(String where) {
        Checks.notNull(where, "activation", activation);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        return input;
    }
}
