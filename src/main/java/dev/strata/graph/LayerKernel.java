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

    Flow call(L layer, LayerCall call);
}
