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
                BatchNormalization.TYPE,
                LayerNormalization.TYPE,
                ReLU.TYPE,
                LeakyReLU.TYPE,
                PReLU.TYPE,
                ELU.TYPE,
                Softmax.TYPE,
                ThresholdedReLU.TYPE);
    }
}
