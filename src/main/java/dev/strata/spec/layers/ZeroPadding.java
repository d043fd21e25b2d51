package dev.strata.spec.layers;

import dev.strata.spec.IntTuple;
import dev.strata.spec.Layer;
import dev.strata.spec.TensorShape;

/**
 * What {@code ZeroPadding1D} to {@code 3D} share: zeros added before and after each spatial axis. The padding is
 * held as (before, after) pairs, one per axis; Keras reads an int, one int per axis, or the pairs.
 */
public interface ZeroPadding extends Layer {

    /** (before, after) for each spatial axis in turn. */
    IntTuple padding();

    DataFormat dataFormat();

    @Override
    default TensorShape outputShape(TensorShape input, String where) {
        int rank = padding().size() / 2;
        SpatialAxes.requireRank(input, rank, where, kerasClassName());
        int[] dims = SpatialAxes.spatial(input, dataFormat(), rank);
        for (int i = 0; i < rank; i++) {
            if (dims[i] != TensorShape.UNKNOWN) {
                dims[i] = Shapes.checkedSize((long) dims[i] + padding().get(2 * i) + padding().get(2 * i + 1), where,
                        input, kerasClassName());
            }
        }
        return SpatialAxes.withSpatial(input, dataFormat(), dims);
    }
}
