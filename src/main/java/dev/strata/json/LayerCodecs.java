package dev.strata.json;

import dev.strata.spec.Layer;
import dev.strata.spec.LayerRegistry;
import dev.strata.spec.LayerType;

import java.util.Set;

/**
 * Layer classes as the reader sees them: registered types (read by {@link LayerConfigJson}), the input layer, and
 * the names it refuses with a reason. A name not registered is never resolved any other way (no reflection, no
 * class loading), so a model file cannot pick code to run.
 */
final class LayerCodecs {
    /** Keras layers that hold or build Python code; refused as unsafe, not merely unsupported. */
    static final Set<String> CODE_LAYERS = Set.of("Lambda", "TFOpLambda", "SlicingOpLambda");

    /** Model classes that can appear as a layer (nested models). */
    static final Set<String> MODEL_CLASSES = Set.of("Sequential", "Functional", "Model");

    private LayerCodecs() {
    }

    static LayerType<?> type(String className) {
        return LayerRegistry.forKerasName(className);
    }

    static boolean isInputLayer(String className) {
        return className.equals("InputLayer");
    }

    /** The typed error for a layer class that is not registered: unsafe or not supported. */
    static JsonSpecException refuse(ReadContext ctx, String className, String layerName, JsonPath at) {
        String named = layerName == null ? "" : " (name: " + layerName + ")";
        if (CODE_LAYERS.contains(className)) {
            return ctx.error(JsonSpecException.Kind.UNSAFE, at, className + " layer" + named + " carries Python code; "
                    + "Strata never runs code from a model file. Replace it with built-in layers", className);
        }
        if (KERAS_LAYERS.contains(className)) {
            return ctx.unsupported(at, "unsupported layer " + className + named + ": a Keras layer Strata does not "
                    + "build yet (README lists the " + LayerRegistry.all().size() + " it does)", className);
        }
        return ctx.unsupported(at, "unsupported layer " + className + named + ": not a Keras layer Strata knows, "
                + "probably a custom class; register a Java LayerType and kernel for it (LayerRegistry, Kernels)",
                className);
    }

    /** Keras built-in layer classes (Keras 1 to 3) Strata does not build yet: refused as "not yet", not "unknown". */
    private static final Set<String> KERAS_LAYERS = Set.of("Embedding", "LSTM", "GRU", "SimpleRNN", "RNN", "ConvLSTM1D",
            "ConvLSTM2D", "ConvLSTM3D", "Bidirectional", "TimeDistributed", "TimeDistributedDense", "Resizing",
            "SpectralNormalization", "RMSNormalization", "MultiHeadAttention", "Attention", "AdditiveAttention",
            "GroupQueryAttention", "EinsumDense", "Highway", "MaxoutDense", "TextVectorization",
            "StringLookup", "IntegerLookup", "CategoryEncoding", "Discretization", "HashedCrossing", "Hashing",
            "RandomFlip", "RandomRotation", "RandomZoom", "RandomCrop", "RandomTranslation", "RandomContrast",
            "RandomBrightness", "AdaptiveAveragePooling1D", "AdaptiveAveragePooling2D", "AdaptiveMaxPooling1D",
            "AdaptiveMaxPooling2D", "Cropping", "LocallyConnected1D", "LocallyConnected2D", "SimpleRNNCell",
            "LSTMCell", "GRUCell", "StackedRNNCells", "CuDNNLSTM", "CuDNNGRU", "ZeroPadding", "Wrapper");

    static Layer read(String className, Fields config) {
        return LayerConfigJson.read(type(className), config);
    }
}
