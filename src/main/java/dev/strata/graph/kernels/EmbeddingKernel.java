package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Embedding;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras {@code Embedding}: the float ids Strata feeds are cast to int32 (truncating, as Keras's cast), a negative
 * id counts from the end (Keras's {@code take}), and {@code GatherV2} picks the rows: its gradient reaches the
 * embeddings, none reaches the ids. With {@code mask_zero} the output's mask is {@code ids != 0}, compared on the
 * input as Keras does.
 */
public final class EmbeddingKernel implements LayerKernel<Embedding> {

    @Override
    public Flow call(Embedding layer, LayerCall call) {
        Ops tf = call.tf();
        Operand<TFloat32> x = call.input().value();
        Operand<TInt32> ids = tf.dtypes.cast(x, TInt32.class);
        ids = tf.select(tf.math.less(ids, tf.constant(0)), tf.math.add(ids, tf.constant(layer.inputDim())), ids);
        Flow out = Flow.of(tf.gather(call.weight("embeddings"), ids, tf.constant(0)));
        return layer.maskZero() ? out.withMask(tf.math.notEqual(x, tf.constant(0f))) : out;
    }
}
