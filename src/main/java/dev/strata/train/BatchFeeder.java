package dev.strata.train;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.types.TFloat32;

/**
 * Makes the input and target tensors of each batch, one per model input and output. In order, a batch is a slice
 * of the caller's arrays (copied once, into the tensor); shuffled, rows are gathered into reused staging arrays.
 */
final class BatchFeeder {
    private final Dataset data;
    private final List<Stream> inputs = new ArrayList<>();
    private final List<Stream> targets = new ArrayList<>();

    /** One input's or target's values as the graph's placeholder wants them. */
    private static final class Stream {
        final float[] all;
        final FloatDataBuffer buffer;
        final int width;
        final long[] dims;
        float[] stage = new float[0];

        Stream(Dataset.Part part, long[] dims) {
            this.all = part.values();
            this.buffer = DataBuffers.of(all, true, false);
            this.width = part.width();
            this.dims = dims;
        }
    }

    /**
     * @param targetDims the shape of one example's target per output, as the graph's target placeholders want
     *     them (an empty array for sparse labels); an empty list feeds no targets (predict)
     */
    BatchFeeder(Dataset data, List<long[]> targetDims) {
        this.data = data;
        for (Dataset.Part p : data.inputParts()) {
            inputs.add(new Stream(p, toLong(p.shape().dims())));
        }
        if (data.hasTargets() && !targetDims.isEmpty()) {
            List<Dataset.Part> parts = data.targetParts();
            for (int i = 0; i < parts.size(); i++) {
                targets.add(new Stream(parts.get(i), targetDims.get(i)));
            }
        }
    }

    /** Inputs of examples {@code [from, from + n)} of the dataset, in order; one tensor per input. */
    List<TFloat32> inputs(int from, int n) {
        return slices(inputs, from, n);
    }

    List<TFloat32> targets(int from, int n) {
        return slices(targets, from, n);
    }

    /** Inputs of the examples {@code order[from .. from + n)}. */
    List<TFloat32> inputs(int[] order, int from, int n) {
        return gathered(inputs, order, from, n);
    }

    List<TFloat32> targets(int[] order, int from, int n) {
        return gathered(targets, order, from, n);
    }

    private List<TFloat32> slices(List<Stream> streams, int from, int n) {
        List<TFloat32> out = new ArrayList<>(streams.size());
        for (Stream s : streams) {
            long start = (long) (data.offset() + from) * s.width;
            out.add(TFloat32.tensorOf(shape(n, s.dims), s.buffer.slice(start, (long) n * s.width)));
        }
        return out;
    }

    private List<TFloat32> gathered(List<Stream> streams, int[] order, int from, int n) {
        List<TFloat32> out = new ArrayList<>(streams.size());
        for (Stream s : streams) {
            if (s.stage.length < n * s.width) {
                s.stage = new float[n * s.width];
            }
            for (int i = 0; i < n; i++) {
                System.arraycopy(s.all, (data.offset() + order[from + i]) * s.width, s.stage, i * s.width, s.width);
            }
            out.add(TFloat32.tensorOf(shape(n, s.dims), DataBuffers.of(s.stage, true, false)
                    .slice(0, (long) n * s.width)));
        }
        return out;
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

    /** Closes every tensor of a batch. */
    static void close(List<TFloat32> tensors) {
        tensors.forEach(TFloat32::close);
    }
}
