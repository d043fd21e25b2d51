package dev.strata.spec;

/**
 * Keras {@code Input}: the symbolic tensor a functional model starts from. {@code dims} is the shape of one
 * example, without the batch axis ({@code -1} for an unknown dimension).
 * <pre>{@code
 * KerasTensor image = Input.named("image", 28, 28, 1);
 * KerasTensor meta = Input.shape(3);   // named input_layer, input_layer_1, ... by the model
 * }</pre>
 */
public final class Input {
    private Input() {
    }

    public static KerasTensor shape(int... dims) {
        return KerasTensor.input(new FunctionalInput(null, TensorShape.of(dims)));
    }

    public static KerasTensor named(String name, int... dims) {
        return KerasTensor.input(new FunctionalInput(name, TensorShape.of(dims)));
    }
}
