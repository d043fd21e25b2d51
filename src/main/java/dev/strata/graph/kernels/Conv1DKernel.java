package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.layers.Conv1D;

/** Keras {@code Conv1D}: Conv2D over a unit height axis; causal padding is added in front of the steps. */
public final class Conv1DKernel implements LayerKernel<Conv1D> {

    @Override
    public Flow call(Conv1D layer, LayerCall call) {
        return ConvOps.convolution(call, layer, layer.groups());
    }
}
