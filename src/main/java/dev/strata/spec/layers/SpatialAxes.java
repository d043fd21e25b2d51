package dev.strata.spec.layers;

import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.TensorShape;

/** Field factories and shape arithmetic shared by the pooling and reshaping layers over 1 to 3 spatial axes. */
final class SpatialAxes {
    private SpatialAxes() {
    }

    /** {@code pool_size}: an int or {@code rank} ints; Keras 1 wrote the 1D one as {@code pool_length}. */
    static ConfigField<IntTuple> poolSize(int rank, IntTuple dflt) {
        ConfigField<IntTuple> f = ConfigField.ints("pool_size", rank).positive();
        f = dflt == null ? f.required() : f.defaultsTo(dflt);
        return rank == 1 ? f.alias("pool_length") : f;
    }

    /** {@code strides}: null (Keras's default) means the pool size; Keras 1 wrote the 1D one as {@code stride}. */
    static ConfigField<IntTuple> strides(int rank) {
        ConfigField<IntTuple> f = ConfigField.ints("strides", rank).nullable().positive();
        return rank == 1 ? f.alias("stride") : f;
    }

    /** (before, after) pairs for each spatial axis, none negative. */
    static ConfigField<IntTuple> pairs(String key, int rank, int dflt) {
        return ConfigField.intPairs(key, rank).defaultsTo(IntTuple.repeat(dflt, 2 * rank)).atLeast(0);
    }

    /** One int for every axis, or one per axis: {@code poolSize(2)} is {@code (2, 2)} for a 2D layer. */
    static IntTuple tuple(int[] values, int rank) {
        return values.length == 1 ? IntTuple.repeat(values[0], rank) : IntTuple.of(values);
    }

    /** The input must be (spatial axes..., channels) in the given layout. */
    static void requireRank(TensorShape input, int rank, String where, String what) {
        if (input.rank() != rank + 1) {
            String axes = rank == 1 ? "steps" : rank == 2 ? "rows, cols" : "dim1, dim2, dim3";
            throw new InvalidSpecException(where, "input", what + " needs inputs of rank " + (rank + 2) + " (batch, "
                    + axes + ", channels; or channels first). Received input shape " + input);
        }
    }

    /** The sizes of the spatial axes, in order; unknown ones are {@link TensorShape#UNKNOWN}. */
    static int[] spatial(TensorShape input, DataFormat format, int rank) {
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            out[i] = input.dim(Shapes.spatialAxis(input, format, i));
        }
        return out;
    }

    /** The input shape with its spatial axes replaced, channels kept where the layout has them. */
    static TensorShape withSpatial(TensorShape input, DataFormat format, int[] spatial) {
        return Shapes.withSpatial(format, spatial, input.dim(Shapes.channelAxis(input, format)));
    }

    /** Each spatial axis multiplied by its factor, unknown ones kept unknown (the UpSampling layers). */
    static TensorShape scaled(TensorShape input, DataFormat format, IntTuple factors, String where, String what) {
        int rank = factors.size();
        requireRank(input, rank, where, what);
        int[] dims = spatial(input, format, rank);
        for (int i = 0; i < rank; i++) {
            dims[i] = times(dims[i], factors.get(i), where, input, what);
        }
        return withSpatial(input, format, dims);
    }

    /** {@code n * factor}, kept unknown when {@code n} is. */
    static int times(int n, int factor, String where, TensorShape input, String what) {
        return n == TensorShape.UNKNOWN ? n : Shapes.checkedSize((long) n * factor, where, input, what);
    }

    /** Text of (before, after) pairs as Keras writes them: {@code ((1, 2), (0, 0))}. */
    static String pairsText(IntTuple pairs) {
        if (pairs.size() == 2) {
            return pairs.toString();
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < pairs.size(); i += 2) {
            sb.append(i > 0 ? ", " : "").append(IntTuple.of(pairs.get(i), pairs.get(i + 1)));
        }
        return sb.append(')').toString();
    }
}
