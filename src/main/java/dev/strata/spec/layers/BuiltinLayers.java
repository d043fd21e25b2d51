package dev.strata.spec.layers;

import dev.strata.spec.LayerType;
import java.util.List;

/** Every layer type Strata ships, one line each; {@link dev.strata.spec.LayerRegistry} registers them. */
public final class BuiltinLayers {
    private BuiltinLayers() {
    }

    public static List<LayerType<?>> all() {
        return List.of(
                Dense.TYPE,
                Dropout.TYPE,
                ActivationLayer.TYPE,
                Flatten.TYPE,
                Conv1D.TYPE,
                Conv2D.TYPE,
                Conv3D.TYPE,
                Conv1DTranspose.TYPE,
                Conv2DTranspose.TYPE,
                Conv3DTranspose.TYPE,
                DepthwiseConv1D.TYPE,
                DepthwiseConv2D.TYPE,
                SeparableConv1D.TYPE,
                SeparableConv2D.TYPE);
    }
}
