package dev.strata.json;

import dev.strata.spec.Layer;

import java.util.Map;
import java.util.Set;

/**
 * The registry of layer classes Strata reads: a fixed map from Keras class name to codec. A name not in it
 * is never resolved any other way (no reflection, no class loading), so a model file cannot pick code to run.
 */
final class LayerCodecs {
    private static final Map<String, LayerCodec> CODECS = Map.of(
            "Dense", new DenseCodec(),
            "Dropout", new DropoutCodec(),
            "Activation", new ActivationCodec(),
            "Flatten", new FlattenCodec());

    static final String SUPPORTED = "Dense, Dropout, Activation, Flatten and InputLayer";

    /** Keras layers that hold or build Python code; refused as unsafe, not merely unsupported. */
    static final Set<String> CODE_LAYERS = Set.of("Lambda", "TFOpLambda", "SlicingOpLambda");

    /** Model classes that can appear as a layer (nested models). */
    static final Set<String> MODEL_CLASSES = Set.of("Sequential", "Functional", "Model");

    /** Built-in Keras layers the compiler cannot build yet; named so the message says "not yet", not "unknown". */
    private static final Set<String> KERAS_LAYERS = Set.of(
            "Conv1D", "Conv2D", "Conv3D", "Convolution1D", "Convolution2D", "Convolution3D", "SeparableConv1D",
            "SeparableConv2D", "DepthwiseConv1D", "DepthwiseConv2D", "Conv1DTranspose", "Conv2DTranspose",
            "Conv3DTranspose", "Deconvolution2D", "AtrousConvolution2D", "MaxPooling1D", "MaxPooling2D",
            "MaxPooling3D", "MaxPool1D", "MaxPool2D", "AveragePooling1D", "AveragePooling2D", "AveragePooling3D",
            "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalAveragePooling1D", "GlobalAveragePooling2D",
            "GlobalAveragePooling3D", "LSTM", "GRU", "SimpleRNN", "ConvLSTM2D", "RNN", "Bidirectional",
            "TimeDistributed", "TimeDistributedDense", "Embedding", "BatchNormalization", "LayerNormalization",
            "GroupNormalization", "UnitNormalization", "Normalization", "Rescaling", "Resizing", "CenterCrop",
            "Reshape", "Permute", "RepeatVector", "Cropping1D", "Cropping2D", "Cropping3D", "ZeroPadding1D",
            "ZeroPadding2D", "ZeroPadding3D", "UpSampling1D", "UpSampling2D", "UpSampling3D", "Add", "Subtract",
            "Multiply", "Average", "Maximum", "Minimum", "Concatenate", "Dot", "Merge", "LeakyReLU", "PReLU", "ELU",
            "ReLU", "Softmax", "ThresholdedReLU", "GaussianNoise", "GaussianDropout", "AlphaDropout",
            "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "ActivityRegularization", "Masking",
            "MultiHeadAttention", "Attention", "AdditiveAttention", "Identity", "EinsumDense", "Highway",
            "MaxoutDense", "TextVectorization", "StringLookup", "IntegerLookup", "CategoryEncoding", "Discretization",
            "HashedCrossing", "Hashing", "RandomFlip", "RandomRotation", "RandomZoom", "RandomCrop");

    private LayerCodecs() {
    }

    static LayerCodec codec(String className) {
        return CODECS.get(className);
    }

    static boolean isInputLayer(String className) {
        return className.equals("InputLayer");
    }

    /** The typed error for a layer class without a codec: unsafe, nested model, not yet supported, or unknown. */
    static JsonSpecException refuse(ReadContext ctx, String className, String layerName, JsonPath at) {
        String named = layerName == null ? "" : " (name: " + layerName + ")";
        if (CODE_LAYERS.contains(className)) {
            return ctx.error(JsonSpecException.Kind.UNSAFE, at, className + " layer" + named + " carries Python code; "
                    + "Strata never runs code from a model file. Replace it with built-in layers", className);
        }
        if (MODEL_CLASSES.contains(className)) {
            return ctx.unsupported(at, "nested model " + className + named + " used as a layer is not supported yet",
                    className);
        }
        if (KERAS_LAYERS.contains(className)) {
            return ctx.unsupported(at, "unsupported layer " + className + named + "; Strata supports " + SUPPORTED,
                    className);
        }
        return ctx.unsupported(at, "unknown layer class " + className + named + " (custom layers are not loaded); "
                + "Strata supports " + SUPPORTED, className);
    }

    static Layer read(String className, Fields config) {
        return CODECS.get(className).read(config);
    }

    static LayerCodec forLayer(Layer layer) {
        return CODECS.get(layer.kerasClassName());
    }
}
