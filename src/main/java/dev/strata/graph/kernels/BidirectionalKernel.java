package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Bidirectional;
import dev.strata.spec.layers.BidirectionalMergeMode;
import dev.strata.spec.layers.Recurrent;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Keras {@code Bidirectional}: both directions over the same input and mask, the backward sequence flipped back
 * into time order, merged; outputs in Keras's order (merged output or both, then forward and backward states).
 */
public final class BidirectionalKernel implements LayerKernel<Bidirectional> {

    @Override
    public Flow call(Bidirectional layer, LayerCall call) {
        return callAll(layer, call).get(0);
    }

    @Override
    public List<Flow> callAll(Bidirectional layer, LayerCall call) {
        Ops tf = call.tf();
        Flow in = call.input();
        Recurrence.Result f = direction(call, layer.forward(), Bidirectional.FORWARD, in, 0);
        Recurrence.Result b = direction(call, layer.backward(), Bidirectional.BACKWARD, in, 1000);
        boolean sequences = layer.forward().returnSequences();
        Operand<TFloat32> y = f.output();
        Operand<TFloat32> yRev = sequences ? tf.reverse(b.output(), tf.constant(new int[] {1})) : b.output();
        Operand<TBool> mask = sequences ? in.mask() : null;
        List<Flow> out = new ArrayList<>();
        BidirectionalMergeMode mode = layer.mergeMode();
        if (mode == null) {
            out.add(Flow.of(y).withMask(mask));
            out.add(Flow.of(yRev).withMask(mask));
        } else {
            Operand<TFloat32> merged = switch (mode) {
                case CONCAT -> tf.concat(List.of(y, yRev), tf.constant(-1));
                case SUM -> tf.math.add(y, yRev);
                case MUL -> tf.math.mul(y, yRev);
                case AVE -> tf.math.div(tf.math.add(y, yRev), tf.constant(2f));
            };
            out.add(Flow.of(merged).withMask(mask));
        }
        if (layer.forward().returnState()) {
            f.states().forEach(s -> out.add(Flow.of(s)));
            b.states().forEach(s -> out.add(Flow.of(s)));
        }
        return out;
    }

    private static Recurrence.Result direction(LayerCall call, Recurrent rnn, String prefix, Flow in, long salt) {
        Recurrence.Weights w = new Recurrence.Weights(call.weight(prefix + "kernel"),
                call.weight(prefix + "recurrent_kernel"), rnn.useBias() ? call.weight(prefix + "bias") : null);
        return Recurrence.run(call, rnn, in.value(), in.mask(), w, List.of(), salt);
    }
}
