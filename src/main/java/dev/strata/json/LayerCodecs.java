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

    /** The typed error for a layer class that is not registered: unsafe, nested model, or not supported. */
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
        return ctx.unsupported(at, "unsupported layer " + className + named + "; Strata supports " + supported()
                + " (a Java LayerType registered with LayerRegistry adds one)", className);
    }

    /** The registered class names, for messages. */
    static String supported() {
        StringBuilder sb = new StringBuilder();
        for (LayerType<?> t : LayerRegistry.all()) {
            sb.append(sb.length() > 0 ? ", " : "").append(t.kerasClassName());
        }
        return sb.append(", InputLayer").toString();
    }

    static Layer read(String className, Fields config) {
        return LayerConfigJson.read(type(className), config);
    }
}
