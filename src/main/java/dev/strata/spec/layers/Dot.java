package dev.strata.spec.layers;

import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;
import java.util.List;

/**
 * Keras {@code Dot}: the batched dot product of two inputs over one axis of each ({@code axes}: one int for both,
 * negative counting from each input's end, or a pair; the batch axis 0 cannot be contracted). The output has the
 * first input's other dimensions, then the second's; a result with none becomes (batch, 1). With {@code normalize}
 * each input is first L2-normalized along its axis as Keras does, {@code x * min(rsqrt(sum(x^2)), 1e7)}, giving the
 * cosine similarity. The output has no mask.
 */
public record Dot(String name, IntTuple axes, boolean normalize) implements Layer {

    public static final ConfigField<IntTuple> AXES = ConfigField.ints("axes", 0).required().writeSingleAsInt();
    public static final ConfigField<Boolean> NORMALIZE = ConfigField.bool("normalize").defaultsTo(false);

    public static final LayerType<Dot> TYPE = LayerType.of(Dot.class, "Dot", "dot", AXES, NORMALIZE);

    /** Over the same axis of both inputs. */
    public static Dot axes(int axis) {
        return TYPE.make(AXES, IntTuple.of(axis));
    }

    /** Over {@code axis1} of the first input and {@code axis2} of the second. */
    public static Dot axes(int axis1, int axis2) {
        return TYPE.make(AXES, IntTuple.of(axis1, axis2));
    }

    @Override
    public LayerType<Dot> type() {
        return TYPE;
    }

    public Dot name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Dot withName(String name) {
        return name(name);
    }

    public Dot normalize(boolean normalize) {
        return TYPE.with(this, NORMALIZE, normalize);
    }

    @Override
    public void validate(String where) {
        Layer.super.validate(where);
        checkAxes(axes, where, "axes");
    }

    static void checkAxes(IntTuple axes, String where, String key) {
        if (axes.size() != 1 && axes.size() != 2) {
            throw new InvalidSpecException(where, key, "must be an integer or a pair of integers. Received: " + key
                    + "=" + axes);
        }
        for (int i = 0; i < axes.size(); i++) {
            if (axes.get(i) == 0) {
                throw new InvalidSpecException(where, key, "cannot contract the batch axis 0. Received: " + key
                        + "=" + axes);
            }
        }
    }

    /** The contracted axis of each input, counted with the batch as 0. */
    public int[] contractedAxes(TensorShape x, TensorShape y, String where) {
        return MergeShapes.dotAxes(axes, x, y, where, "axes", "Dot");
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        throw MergeShapes.notOneInput(where, "Dot", input);
    }

    @Override
    public List<TensorShape> outputShapes(List<TensorShape> inputs, String where) {
        MergeShapes.requireCount(inputs, 2, 2, where, "Dot");
        TensorShape x = inputs.get(0);
        TensorShape y = inputs.get(1);
        return List.of(MergeShapes.dot(x, y, contractedAxes(x, y, where), where, "Dot"));
    }
}
