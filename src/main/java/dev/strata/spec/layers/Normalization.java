package dev.strata.spec.layers;

import dev.strata.spec.ConfigField;
import dev.strata.spec.Initializer;
import dev.strata.spec.IntTuple;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.NumberArray;
import dev.strata.spec.TensorShape;
import dev.strata.spec.WeightSpec;
import java.util.Arrays;
import java.util.List;

/**
 * Keras {@code Normalization}: {@code (x - mean) / max(sqrt(variance), 1e-7)}, or with {@code invert}
 * {@code mean + x * max(sqrt(variance), 1e-7)}, one mean and variance per index of the kept {@code axis} (none:
 * one for the whole input), the same in training and inference. Given in the config, the statistics are constants
 * broadcast to the kept axes, aligned on the last; otherwise the layer holds them as weights {@code mean},
 * {@code variance} and {@code count}, never trained, which {@code Model.setWeights} or a checkpoint fills (Keras's
 * {@code adapt()} is not built; {@code count}, an int64 in Keras that only {@code adapt()} reads, is a float32
 * scalar here). Keras 2 writes the axes as a list ({@code [3]}) and {@code None} as {@code null}; both read.
 */
public record Normalization(String name, IntTuple axis, NumberArray mean, NumberArray variance, boolean invert)
        implements Layer {

    /** Keras writes the kept axes as a list, {@code []} for {@code axis=None}. */
    public static final ConfigField<IntTuple> AXIS = ConfigField.ints("axis", 0).defaultsTo(IntTuple.of(-1))
            .nullable();
    public static final ConfigField<NumberArray> MEAN = ConfigField.numbers("mean").nullable();
    /** A negative variance has no square root: Keras would output NaN everywhere, Strata refuses it. */
    public static final ConfigField<NumberArray> VARIANCE = ConfigField.numbers("variance").nullable().atLeast(0);
    public static final ConfigField<Boolean> INVERT = ConfigField.bool("invert").defaultsTo(false);

    public static final LayerType<Normalization> TYPE = LayerType.of(Normalization.class, "Normalization",
            "normalization", AXIS, INVERT, MEAN, VARIANCE).passingMasks();

    public Normalization {
        axis = axis == null ? IntTuple.of() : axis; // Keras reads axis=None as no kept axis
    }

    /** Per-feature statistics on the last axis, held as weights: Keras's {@code Normalization()}. */
    public static Normalization create() {
        return TYPE.defaults();
    }

    /** Statistics per index of the given axes (Keras counts the batch axis as 0). */
    public static Normalization axis(int... axes) {
        return TYPE.make(AXIS, IntTuple.of(axes));
    }

    /** Keras's {@code axis=None}: one mean and variance for every value of the input. */
    public static Normalization noAxis() {
        return TYPE.make(AXIS, IntTuple.of());
    }

    @Override
    public LayerType<Normalization> type() {
        return TYPE;
    }

    public Normalization name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Normalization withName(String name) {
        return name(name);
    }

    /** Fixed statistics instead of weights: {@code Normalization.noAxis().statistics(3, 2)}. */
    public Normalization statistics(double mean, double variance) {
        return statistics(NumberArray.scalar(mean), NumberArray.scalar(variance));
    }

    public Normalization statistics(NumberArray mean, NumberArray variance) {
        return TYPE.with(TYPE.with(this, MEAN, mean), VARIANCE, variance);
    }

    public Normalization invert(boolean invert) {
        return TYPE.with(this, INVERT, invert);
    }

    /** Whether the statistics are weights (not given in the config). */
    public boolean hasWeights() {
        return mean == null;
    }

    @Override
    public void validate(String where) {
        Layer.super.validate(where);
        if ((mean == null) != (variance == null)) {
            throw new InvalidSpecException(where, mean == null ? "mean" : "variance", "must be set together with "
                    + (mean == null ? "variance" : "mean") + " (Keras requires both or neither). Received: mean="
                    + mean + ", variance=" + variance);
        }
        if (mean != null && !Arrays.equals(mean.shape(), variance.shape())) {
            throw new InvalidSpecException(where, "variance", "must have the shape of mean. Received: mean=" + mean
                    + ", variance=" + variance);
        }
        if (mean != null && mean.rank() > axis.size()) {
            throw new InvalidSpecException(where, "mean", "has rank " + mean.rank() + ", more than the "
                    + axis.size() + " kept axes (axis=" + axis + ")");
        }
    }

    /** The kept axes as indices into the batch shape, ascending, as Keras sorts them. */
    public int[] keptAxes(TensorShape input, String where) {
        int[] out = new int[axis.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = NormalizationFields.resolveAxis(axis.get(i), input, where, "axis", "Normalization", true);
        }
        Arrays.sort(out);
        for (int i = 1; i < out.length; i++) {
            if (out[i] == out[i - 1]) {
                throw new InvalidSpecException(where, "axis", "names axis " + out[i] + " twice. Received: axis="
                        + axis);
            }
        }
        return out;
    }

    /**
     * The shape the statistics broadcast from, rank of the batch input: the sizes of the kept axes, 1 elsewhere;
     * for statistics given in the config, their own dimensions placed on the last kept axes, as Keras reshapes them.
     */
    public int[] statisticsShape(TensorShape input, String where) {
        int[] kept = keptAxes(input, where);
        int[] out = new int[input.rank() + 1];
        Arrays.fill(out, 1);
        if (mean == null) {
            for (int a : kept) {
                out[a] = input.dim(a - 1);
            }
            return out;
        }
        int[] own = mean.shape();
        for (int i = 1; i <= own.length; i++) {
            int a = kept[kept.length - i];
            int d = own[own.length - i];
            if (d != 1 && d != input.dim(a - 1)) {
                throw new InvalidSpecException(where, "mean", "has " + d + " entries where kept axis " + a + " has "
                        + input.dim(a - 1) + "; each must be 1 or the axis size. Received: mean=" + mean
                        + " for input shape " + input);
            }
            out[a] = d;
        }
        return out;
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        statisticsShape(input, where);
        return input;
    }

    @Override
    public List<WeightSpec> weights(TensorShape input) {
        if (!hasWeights()) {
            return List.of();
        }
        int[] kept = keptAxes(input, kerasClassName());
        int[] shape = new int[kept.length];
        for (int i = 0; i < kept.length; i++) {
            shape[i] = input.dim(kept[i] - 1);
        }
        return List.of(statistic("mean", shape, Initializer.zeros()), statistic("variance", shape,
                Initializer.ones()), statistic("count", new int[0], Initializer.zeros()));
    }

    /** Non-trainable in Keras whatever the layer's trainable flag; nothing in a training step writes it. */
    private static WeightSpec statistic(String name, int[] shape, Initializer init) {
        return new WeightSpec(name, WeightSpec.Role.NORMALIZATION, WeightSpec.Kind.FROZEN, shape, init, null, null,
                null);
    }
}
