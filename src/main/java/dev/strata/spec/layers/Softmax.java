package dev.strata.spec.layers;

import dev.strata.spec.Activation;
import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;

/**
 * Keras {@code Softmax} over one axis or several ({@code exp(x - logsumexp(x))} over all of them, as Keras).
 * Over one axis its output keeps its logits, as Keras's, so a crossentropy on it is computed from them.
 */
public record Softmax(String name, IntTuple axis) implements Layer {

    public static final ConfigField<IntTuple> AXIS = ConfigField.ints("axis", 0).defaultsTo(IntTuple.of(-1))
            .writeSingleAsInt();

    public static final LayerType<Softmax> TYPE = LayerType.of(Softmax.class, "Softmax", "softmax", AXIS)
            .withoutBuildConfig()
            .passingMasks();

    public static Softmax create() {
        return TYPE.defaults();
    }

    public static Softmax axis(int... axes) {
        return TYPE.make(AXIS, IntTuple.of(axes));
    }

    @Override
    public LayerType<Softmax> type() {
        return TYPE;
    }

    public Softmax name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Softmax withName(String name) {
        return name(name);
    }

    @Override
    public void validate(String where) {
        Layer.super.validate(where);
        if (axis.size() == 0) {
            throw new InvalidSpecException(where, "axis", "must name at least one axis");
        }
    }

    /** The axes as indices into the batch shape, in the order written. */
    public int[] softmaxAxes(TensorShape input, String where) {
        int[] out = new int[axis.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = NormalizationFields.resolveAxis(axis.get(i), input, where, "axis", "Softmax", false);
            for (int j = 0; j < i; j++) {
                if (out[j] == out[i]) {
                    throw new InvalidSpecException(where, "axis", "names axis " + out[i] + " twice. Received: axis="
                            + axis);
                }
            }
        }
        return out;
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        softmaxAxes(input, where);
        return input;
    }

    /** Softmax for the default last axis, which is what a crossentropy expects; linear for any other. */
    @Override
    public Activation appliedActivation() {
        return axis.equals(IntTuple.of(-1)) ? Activation.SOFTMAX : Activation.LINEAR;
    }
}
