package dev.strata.spec.layers;

import dev.strata.spec.IntTuple;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.TensorShape;

/**
 * What {@code Cropping1D} to {@code 3D} share: entries removed before and after each spatial axis, held as
 * (before, after) pairs, one per axis. At least one entry of each known axis must remain, as Keras requires.
 */
public interface Cropping extends Layer {

    /** (before, after) for each spatial axis in turn. */
    IntTuple cropping();

    DataFormat dataFormat();

    @Override
    default TensorShape outputShape(TensorShape input, String where) {
        int rank = cropping().size() / 2;
        SpatialAxes.requireRank(input, rank, where, kerasClassName());
        int[] dims = SpatialAxes.spatial(input, dataFormat(), rank);
        for (int i = 0; i < rank; i++) {
            if (dims[i] == TensorShape.UNKNOWN) {
                continue;
            }
            long left = (long) dims[i] - cropping().get(2 * i) - cropping().get(2 * i + 1);
            if (left <= 0) {
                throw new InvalidSpecException(where, "cropping", SpatialAxes.pairsText(cropping())
                        + " removes all " + dims[i] + " entries of spatial axis " + i + "; at least one must remain. "
                        + "Received input shape " + input);
            }
            dims[i] = (int) left;
        }
        return SpatialAxes.withSpatial(input, dataFormat(), dims);
    }
}
