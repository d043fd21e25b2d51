package dev.strata.train;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.Summary;
import org.tensorflow.proto.SummaryMetadata;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Summary events in the form TensorFlow 2's {@code tf.summary} writes them (what Keras 3's TensorBoard callback
 * produces): values carry a {@code tensor} and plugin metadata rather than the TF1 {@code simple_value} and
 * {@code histo} fields, so TensorBoard's scalar and histogram dashboards read them as they read Keras's.
 */
final class Summaries {
    /** TensorBoard's default bucket count for {@code tf.summary.histogram}. */
    static final int HISTOGRAM_BUCKETS = 30;

    private Summaries() {
    }

    /** A float32 scalar, as {@code tf.summary.scalar} casts and writes it. */
    static Event scalar(String tag, double value, long step) {
        byte[] bytes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat((float) value).array();
        TensorProto t = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT)
                .setTensorShape(TensorShapeProto.getDefaultInstance())
                .setTensorContent(ByteString.copyFrom(bytes)).build();
        return event(step, Summary.Value.newBuilder().setTag(tag).setTensor(t)
                .setMetadata(metadata("scalars")).build());
    }

    /**
     * A histogram as {@code tf.summary.histogram} writes it: a float64 tensor of shape {@code [k, 3]}, one row
     * {@code [left, right, count]} per bucket. The buckets are TensorBoard's: {@value #HISTOGRAM_BUCKETS} of equal
     * width from the minimum to the maximum (a value on an inner edge goes to the bucket on its right; the
     * maximum to the last); when every value is the same, each bucket is {@code [v, v]} and the last holds them
     * all; no values give all-zero rows.
     */
    static Event histogram(String tag, float[] values, long step) {
        double[][] rows = buckets(values, HISTOGRAM_BUCKETS);
        ByteBuffer b = ByteBuffer.allocate(rows.length * 3 * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] r : rows) {
            b.putDouble(r[0]).putDouble(r[1]).putDouble(r[2]);
        }
        TensorProto t = TensorProto.newBuilder().setDtype(DataType.DT_DOUBLE)
                .setTensorShape(TensorShapeProto.newBuilder()
                        .addDim(TensorShapeProto.Dim.newBuilder().setSize(rows.length))
                        .addDim(TensorShapeProto.Dim.newBuilder().setSize(3)))
                .setTensorContent(ByteString.copyFrom(b.array())).build();
        return event(step, Summary.Value.newBuilder().setTag(tag).setTensor(t)
                .setMetadata(metadata("histograms")).build());
    }

    /** A graph event, as {@code tf.summary.graph} writes one: the serialized GraphDef in {@code graph_def}. */
    static Event graph(GraphDef graph) {
        return Event.newBuilder().setWallTime(EventFileWriter.now()).setStep(0)
                .setGraphDef(graph.toByteString()).build();
    }

    static double[][] buckets(float[] values, int count) {
        double[][] rows = new double[count][3];
        if (values.length == 0) {
            return rows;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max - min;
        if (range == 0) {
            for (double[] r : rows) {
                r[0] = max;
                r[1] = max;
            }
            rows[count - 1][2] = values.length;
            return rows;
        }
        double width = range / count;
        for (float v : values) {
            int i = (int) Math.floor((v - min) / width);
            rows[Math.min(i, count - 1)][2]++;
        }
        for (int i = 0; i < count; i++) {
            rows[i][0] = min + i * width;
            rows[i][1] = i == count - 1 ? max : min + (i + 1) * width;
        }
        return rows;
    }

    /** Plugin name only, no data class: what TensorFlow 2.21's writer puts in the file (checked with TF). */
    private static SummaryMetadata metadata(String plugin) {
        return SummaryMetadata.newBuilder()
                .setPluginData(SummaryMetadata.PluginData.newBuilder().setPluginName(plugin)).build();
    }

    private static Event event(long step, Summary.Value value) {
        return Event.newBuilder().setWallTime(EventFileWriter.now()).setStep(step)
                .setSummary(Summary.newBuilder().addValue(value)).build();
    }
}
