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
                SeparableConv2D.TYPE,
                MaxPooling1D.TYPE,
                MaxPooling2D.TYPE,
                MaxPooling3D.TYPE,
                AveragePooling1D.TYPE,
                AveragePooling2D.TYPE,
                AveragePooling3D.TYPE,
                GlobalMaxPooling1D.TYPE,
                GlobalMaxPooling2D.TYPE,
                GlobalMaxPooling3D.TYPE,
                GlobalAveragePooling1D.TYPE,
                GlobalAveragePooling2D.TYPE,
                GlobalAveragePooling3D.TYPE,
                Reshape.TYPE,
                Permute.TYPE,
                RepeatVector.TYPE,
                ZeroPadding1D.TYPE,
                ZeroPadding2D.TYPE,
                ZeroPadding3D.TYPE,
                Cropping1D.TYPE,
                Cropping2D.TYPE,
                Cropping3D.TYPE,
                UpSampling1D.TYPE,
                UpSampling2D.TYPE,
                UpSampling3D.TYPE,
                BatchNormalization.TYPE,
                LayerNormalization.TYPE,
                ReLU.TYPE,
                LeakyReLU.TYPE,
                PReLU.TYPE,
                ELU.TYPE,
                Softmax.TYPE,
                ThresholdedReLU.TYPE,
                Embedding.TYPE,
                SimpleRNN.TYPE,
                LSTM.TYPE,
                GRU.TYPE,
                Bidirectional.TYPE,
                TimeDistributed.TYPE);
    }
}
