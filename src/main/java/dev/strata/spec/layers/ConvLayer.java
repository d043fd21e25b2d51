package dev.strata.spec.layers;

import dev.strata.spec.Activation;
import dev.strata.spec.IntTuple;
import dev.strata.spec.Layer;

/**
 * What every convolution layer has: a window over {@link #rank()} spatial axes with its strides, padding and
 * dilation, a channel layout, a bias and an activation. The graph kernels build every convolution from these.
 */
public interface ConvLayer extends Layer {

    IntTuple kernelSize();

    IntTuple strides();

    Padding padding();

    DataFormat dataFormat();

    IntTuple dilationRate();

    Activation activation();

    boolean useBias();

    /** The number of spatial axes: 1, 2 or 3. */
    default int rank() {
        return kernelSize().size();
    }

    @Override
    default Activation appliedActivation() {
        return activation();
    }
}
