package dev.strata.spec.layers;

import dev.strata.spec.ConfigField;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/** Keras {@code RepeatVector}: repeats each example's feature vector {@code n} times, {@code (d)} to {@code (n, d)}. */
public record RepeatVector(String name, int n) implements Layer {

    public static final ConfigField<Integer> N = ConfigField.integer("n").required().positive();

    public static final LayerType<RepeatVector> TYPE = LayerType.of(RepeatVector.class, "RepeatVector",
            "repeat_vector", N);

    public static RepeatVector times(int n) {
        return TYPE.make(N, n);
    }

    @Override
    public LayerType<RepeatVector> type() {
        return TYPE;
    }

    public RepeatVector name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public RepeatVector withName(String name) {
        return name(name);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        if (input.rank() != 1) {
            throw new InvalidSpecException(where, "input", "RepeatVector needs inputs of rank 2 (batch, features). "
                    + "Received input shape " + input);
        }
        return TensorShape.of(n, input.dim(0));
    }
}
