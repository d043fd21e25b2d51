package dev.strata.spec.layers;

import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;
import java.util.Arrays;

/**
 * Keras {@code Permute}: reorders the axes of each example; {@code dims} is a permutation of 1..n (1 is the first
 * axis after the batch), {@code (2, 1)} swapping the two axes of a sequence.
 */
public record Permute(String name, IntTuple dims) implements Layer {

    public static final ConfigField<IntTuple> DIMS = ConfigField.ints("dims", 0).required();

    public static final LayerType<Permute> TYPE = LayerType.of(Permute.class, "Permute", "permute", DIMS);

    /** Output axis {@code i} is input axis {@code dims[i]}, counted from 1. */
    public static Permute dims(int... dims) {
        return TYPE.make(DIMS, IntTuple.of(dims));
    }

    @Override
    public LayerType<Permute> type() {
        return TYPE;
    }

    public Permute name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Permute withName(String name) {
        return name(name);
    }

    @Override
    public void validate(String where) {
        Layer.super.validate(where);
        int[] sorted = dims.toArray();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            throw new InvalidSpecException(where, "dims", "must name at least one axis. Received: dims=" + dims);
        }
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] != i + 1) {
                throw new InvalidSpecException(where, "dims", "must be a permutation of 1.." + sorted.length
                        + " (axis 0 is the batch). Received: dims=" + dims);
            }
        }
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        if (input.rank() != dims.size()) {
            throw new InvalidSpecException(where, "dims", "permutes " + dims.size() + " axes but the input has "
                    + input.rank() + " besides the batch. Received input shape " + input);
        }
        int[] out = new int[dims.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = input.dim(dims.get(i) - 1);
        }
        return TensorShape.of(out);
    }
}
