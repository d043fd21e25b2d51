package dev.strata.spec.layers;

import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;
import java.util.List;

/**
 * Keras 1's {@code Merge} (also Keras 2's legacy one), which Keras 3 no longer has: {@code mode} picks what the Keras 3
 * layer of {@link MergeMode} computes, on two or more inputs. Shapes follow Keras 1's checks, stricter than Keras
 * 3's: {@code sum}, {@code mul}, {@code ave}, {@code max} and {@code cos} need inputs of one shape; {@code concat}
 * needs them equal but along {@code concat_axis}; {@code dot} and {@code cos} take two inputs and contract
 * {@code dot_axes}. Keras 1's {@code cos} is the cosine only for (batch, features) inputs, so other ranks are
 * refused. A mode or output shape given as a Python function is refused: Strata never runs code from a model file.
 */
public record Merge(String name, MergeMode mode, int concatAxis, IntTuple dotAxes) implements Layer {

    public static final ConfigField<MergeMode> MODE = ConfigField.choice("mode", MergeMode.class)
            .defaultsTo(MergeMode.SUM);
    public static final ConfigField<Integer> CONCAT_AXIS = ConfigField.integer("concat_axis").defaultsTo(-1);
    public static final ConfigField<IntTuple> DOT_AXES = ConfigField.ints("dot_axes", 0).defaultsTo(IntTuple.of(-1))
            .writeSingleAsInt();

    private static final String CODE = "a Python function in a Keras 1 Merge; Strata never runs code from a model "
            + "file. Use a built-in mode";
    private static final String FUNCTION_ONLY = "used by Keras 1 only with a Python-function mode, which is refused";

    public static final LayerType<Merge> TYPE = LayerType.of(Merge.class, "Merge", "merge", MODE, CONCAT_AXIS,
                    DOT_AXES)
            .fixedWritten("mode_type", CODE, "raw")
            .fixed("output_shape_type", CODE, "raw")
            .fixed("output_mask_type", CODE, "raw")
            .ignores("output_shape", FUNCTION_ONLY)
            .ignores("output_mask", FUNCTION_ONLY)
            .ignores("arguments", FUNCTION_ONLY)
            .fixed("layers", "a Merge of whole models in a Sequential model (Keras 1's Merge([model_a, model_b])); "
                    + "rebuild it as a functional model", (Object) null)
            .withoutBuildConfig();

    public static Merge mode(MergeMode mode) {
        return TYPE.make(MODE, mode);
    }

    @Override
    public LayerType<Merge> type() {
        return TYPE;
    }

    public Merge name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Merge withName(String name) {
        return name(name);
    }

    public Merge concatAxis(int axis) {
        return TYPE.with(this, CONCAT_AXIS, axis);
    }

    public Merge dotAxes(int... axes) {
        return TYPE.with(this, DOT_AXES, IntTuple.of(axes));
    }

    @Override
    public void validate(String where) {
        Layer.super.validate(where);
        if (mode == MergeMode.CONCAT && concatAxis == 0) {
            throw new InvalidSpecException(where, "concat_axis", "names the batch axis; Strata concatenates within "
                    + "each example. Received: concat_axis=0");
        }
        if (mode == MergeMode.DOT || mode == MergeMode.COS) {
            Dot.checkAxes(dotAxes, where, "dot_axes");
        }
    }

    private String what() {
        return "Merge(mode='" + mode.kerasName() + "')";
    }

    /** The contracted axis of each input in modes dot and cos, counted with the batch as 0. */
    public int[] contractedAxes(TensorShape x, TensorShape y, String where) {
        return MergeShapes.dotAxes(dotAxes, x, y, where, "dot_axes", what());
    }

    /** The concatenation axis of mode concat, counted with the batch as 0. */
    public int resolvedConcatAxis(List<TensorShape> inputs, String where) {
        return MergeShapes.axis(concatAxis, inputs.get(0).rank(), where, "concat_axis", what(), inputs);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        throw MergeShapes.notOneInput(where, what(), input);
    }

    @Override
    public List<TensorShape> outputShapes(List<TensorShape> inputs, String where) {
        boolean pair = mode == MergeMode.DOT || mode == MergeMode.COS;
        MergeShapes.requireCount(inputs, 2, pair ? 2 : Integer.MAX_VALUE, where, what());
        if (mode == MergeMode.CONCAT) {
            return List.of(MergeShapes.concatenate(inputs, concatAxis, true, where, "concat_axis", what()));
        }
        if (mode != MergeMode.DOT) {
            MergeShapes.requireSameShapes(inputs, where, what());
        }
        if (!pair) {
            return List.of(inputs.get(0));
        }
        TensorShape x = inputs.get(0);
        TensorShape y = inputs.get(1);
        if (mode == MergeMode.COS && x.rank() != 1) {
            throw new InvalidSpecException(where, "mode", "'cos' is the cosine similarity only for inputs (batch, "
                    + "features): on other ranks Keras 1 divided by dot products of different rows. Received input "
                    + "shapes " + inputs);
        }
        return List.of(MergeShapes.dot(x, y, contractedAxes(x, y, where), where, what()));
    }
}
