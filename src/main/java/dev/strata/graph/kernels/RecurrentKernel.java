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
 * Inputs after the sequence are the initial states.
 */
abstract class RecurrentKernel<L extends Recurrent> implements LayerKernel<L> {

    @Override
    public Flow call(L layer, LayerCall call) {
        return callAll(layer, call).get(0);
    }

    @Override
    public List<Flow> callAll(L rnn, LayerCall call) {
        Flow in = call.inputs().get(0); // then the initial states, if given
        Recurrence.Weights w = new Recurrence.Weights(call.weight("kernel"), call.weight("recurrent_kernel"),
                rnn.useBias() ? call.weight("bias") : null);
        List<org.tensorflow.Operand<org.tensorflow.types.TFloat32>> initial = new ArrayList<>();
        call.inputs().subList(1, call.inputs().size()).forEach(f -> initial.add(f.value())); // initial_state
        Recurrence.Result r = Recurrence.run(call, rnn, in.value(), in.mask(), w, initial, 0);
        List<Flow> out = new ArrayList<>();
        out.add(rnn.returnSequences() ? Flow.of(r.output()).withMask(in.mask()) : Flow.of(r.output()));
        if (rnn.returnState()) {
            r.states().forEach(s -> out.add(Flow.of(s)));
        }
        return out;
    }
}
