package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Recurrent;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel of every recurrent layer: Keras's outputs in Keras's order (the sequence or last output, then with
 * {@code return_state} each final state). The sequence keeps the input's mask; a last output or a state has none.
 */
abstract class RecurrentKernel<L extends Recurrent> implements LayerKernel<L> {

    @Override
    public Flow call(L layer, LayerCall call) {
        return callAll(layer, call).get(0);
    }

    @Override
    public List<Flow> callAll(L rnn, LayerCall call) {
        Flow in = call.input();
        Recurrence.Weights w = new Recurrence.Weights(call.weight("kernel"), call.weight("recurrent_kernel"),
                rnn.useBias() ? call.weight("bias") : null);
        Recurrence.Result r = Recurrence.run(call, rnn, in.value(), in.mask(), w, 0);
        List<Flow> out = new ArrayList<>();
        out.add(rnn.returnSequences() ? Flow.of(r.output()).withMask(in.mask()) : Flow.of(r.output()));
        if (rnn.returnState()) {
            r.states().forEach(s -> out.add(Flow.of(s)));
        }
        return out;
    }
}
