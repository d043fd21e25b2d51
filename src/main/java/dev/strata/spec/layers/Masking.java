package dev.strata.spec.layers;

import dev.strata.spec.ConfigField;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/**
 * Keras {@code Masking}: on {@code (batch, steps, features)}, a time step whose features all equal
 * {@code mask_value} is masked (the recurrent layers, merges and other mask consumers after it skip it) and its
 * output set to 0; other steps pass unchanged. Keras accepts any rank, giving a mask of every axis but the last;
 * Strata's masks are one flag per time step, so other ranks are refused.
 */
public record Masking(String name, double maskValue) implements Layer {

    public static final ConfigField<Double> MASK_VALUE = ConfigField.number("mask_value").defaultsTo(0.0);

    public static final LayerType<Masking> TYPE = LayerType.of(Masking.class, "Masking", "masking", MASK_VALUE)
            .passingMasks();

    public static Masking create() {
        return TYPE.defaults();
    }

    public static Masking value(double maskValue) {
        return TYPE.make(MASK_VALUE, maskValue);
    }

    @Override
    public LayerType<Masking> type() {
        return TYPE;
    }

    public Masking name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Masking withName(String name) {
        return name(name);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        if (input.rank() != 2) {
            throw new InvalidSpecException(where, "input", "Masking takes sequences (batch, steps, features): "
                    + "Strata's masks hold one flag per time step. Received input shape " + input);
        }
        return input;
    }
}
