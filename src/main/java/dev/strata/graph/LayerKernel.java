package dev.strata.graph;

import dev.strata.spec.Layer;

/**
 * How one layer class becomes TensorFlow ops: given the spec and a {@link LayerCall} (its inputs, weights, mode,
 * seeds and state updates), build the output. Kernels are stateless; one compiles into every graph.
 *
 * @param <L> the spec record the kernel builds
 */
@FunctionalInterface
public interface LayerKernel<L extends Layer> {

    /** The output of a one-output layer. */
    Flow call(L layer, LayerCall call);

    /**
     * Every output, in Keras's order (an RNN with {@code return_state}: the sequence or last output, then each
     * state). Multi-output kernels override this; the default is the one output of {@link #call}.
     */
    default java.util.List<Flow> callAll(L layer, LayerCall call) {
        return java.util.List.of(call(layer, call));
    }
}
