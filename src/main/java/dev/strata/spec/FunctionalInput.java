package dev.strata.spec;

/**
 * One input of a {@link Functional} model, as a Keras {@code Input(shape=..., name=...)}: the shape of one
 * example, without the batch dimension. A null name is replaced by a Keras-style one ({@code input_layer},
 * {@code input_layer_1}, ...) when the model is built.
 */
public record FunctionalInput(String name, TensorShape shape) {

    public FunctionalInput {
        Checks.notNull(name == null ? "input" : "input '" + name + "'", "shape", shape);
    }

    public static FunctionalInput of(String name, int... dims) {
        return new FunctionalInput(name, TensorShape.of(dims));
    }

    FunctionalInput withName(String newName) {
        return new FunctionalInput(newName, shape);
    }
}
