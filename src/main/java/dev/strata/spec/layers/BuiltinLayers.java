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
                GaussianNoise.TYPE,
                GaussianDropout.TYPE,
                SpatialDropout1D.TYPE,
                SpatialDropout2D.TYPE,
                SpatialDropout3D.TYPE,
                ActivityRegularization.TYPE,
                AlphaDropout.TYPE,
                ActivationLayer.TYPE,
                Flatten.TYPE);
    }
}
