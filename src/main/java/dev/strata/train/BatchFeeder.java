package dev.strata.train;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.types.TFloat32;

/**
 * Makes one input and one target tensor per batch. In order, a batch is a slice of the caller's arrays
 * (copied once, into the tensor); shuffled, rows are gathered into a reused staging array first.
 */
final class BatchFeeder {
    private final Dataset data;
    private final int xWidth;
    private final int yWidth;
    private final long[] xDims;
    private final long[] yDims;
    private final FloatDataBuffer xAll;
    private final FloatDataBuffer yAll;
    private float[] xStage = new float[0];
    private float[] yStage = new float[0];

    /**
     * @param yDims shape of one example's target as the graph's target placeholder wants it (empty for
     *     sparse labels)
     */
    BatchFeeder(Dataset data, long[] yDims) {
        this.data = data;
        this.xWidth = (int) data.xShape().size();
        this.xDims = data.xShape() == null ? new long[0] : toLong(data.xShape().dims());
        this.yDims = yDims;
        this.yWidth = data.hasTargets() ? (int) data.yShape().size() : 0;
        this.xAll = DataBuffers.of(data.xArray(), true, false);
        this.yAll = data.hasTargets() ? DataBuffers.of(data.yArray(), true, false) : null;
    }

    /** Inputs of examples {@code [from, from + n)} of the dataset, in order. */
    TFloat32 inputs(int from, int n) {
        long start = (long) (data.offset() + from) * xWidth;
        return TFloat32.tensorOf(shape(n, xDims), xAll.slice(start, (long) n * xWidth));
    }

    TFloat32 targets(int from, int n) {
        long start = (long) (data.offset() + from) * yWidth;
        return TFloat32.tensorOf(shape(n, yDims), yAll.slice(start, (long) n * yWidth));
    }

    /** Inputs of the examples {@code order[from .. from + n)}. */
    TFloat32 inputs(int[] order, int from, int n) {
        if (xStage.length < n * xWidth) {
            xStage = new float[n * xWidth];
        }
        gather(data.xArray(), xWidth, order, from, n, xStage);
        return TFloat32.tensorOf(shape(n, xDims), DataBuffers.of(xStage, true, false).slice(0, (long) n * xWidth));
    }

    TFloat32 targets(int[] order, int from, int n) {
        if (yStage.length < n * yWidth) {
            yStage = new float[n * yWidth];
        }
        gather(data.yArray(), yWidth, order, from, n, yStage);
        return TFloat32.tensorOf(shape(n, yDims), DataBuffers.of(yStage, true, false).slice(0, (long) n * yWidth));
    }

    private void gather(float[] src, int width, int[] order, int from, int n, float[] dst) {
        for (int i = 0; i < n; i++) {
            System.arraycopy(src, (data.offset() + order[from + i]) * width, dst, i * width, width);
        }
    }

    private static Shape shape(int n, long[] dims) {
        long[] all = new long[dims.length + 1];
        all[0] = n;
        System.arraycopy(dims, 0, all, 1, dims.length);
        return Shape.of(all);
    }

    static long[] toLong(int[] dims) {
        long[] out = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = dims[i];
        }
        return out;
    }
}
