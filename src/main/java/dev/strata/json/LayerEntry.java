package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One element of a model's {@code layers} array: the wrapper ({@code class_name}, {@code config}, Keras 3's
 * {@code module}/{@code registered_name}/{@code build_config}, functional {@code name}/{@code inbound_nodes}).
 */
record LayerEntry(KerasObject object, JsonPath path, String name) {

    static LayerEntry of(ReadContext ctx, JsonNode node, JsonPath path) {
        KerasObject o = KerasObject.of(ctx, node, path, "a layer");
        Fields f = o.fields();
        String name = f.string("name", null);
        f.ignore("build_config"); // Keras 3 records the built input shape; Strata infers shapes itself
        return new LayerEntry(o, path, name);
    }

    String className() {
        return object.className();
    }

    /** The layer's name from the wrapper (functional) or its config, for messages. */
    String displayName() {
        if (name != null) {
            return name;
        }
        JsonNode c = object.config();
        return c.isObject() && c.path("name").isTextual() ? c.get("name").asText() : null;
    }

    /**
     * Refuses Lambda, custom and not-yet-supported classes before any config is read; code-carrying layers
     * first, wherever they are, since running the file's code is the one thing worse than not loading it.
     */
    static void requireAllSupported(ReadContext ctx, java.util.List<LayerEntry> entries) {
        for (LayerEntry e : entries) {
            if (LayerCodecs.CODE_LAYERS.contains(e.className())) {
                throw LayerCodecs.refuse(ctx, e.className(), e.displayName(), e.path());
            }
        }
        entries.forEach(e -> e.requireSupported(ctx));
    }

    /**
     * The name the layer class is registered under: a custom Keras class by its {@code registered_name}
     * ({@code "MyPackage>Swish"}) when a Java type is registered for it, else the class name.
     */
    String typeName() {
        String registered = object.registeredName();
        return registered != null && LayerCodecs.type(registered) != null ? registered : className();
    }

    /** Refuses a custom class nobody registered, or a class Strata does not support. */
    void requireSupported(ReadContext ctx) {
        String cls = className();
        if (LayerCodecs.MODEL_CLASSES.contains(cls)) {
            return; // a nested model: its own reader checks its layers
        }
        boolean registeredCustom = !typeName().equals(cls);
        if (!object.isBuiltin() && !LayerCodecs.CODE_LAYERS.contains(cls) && !registeredCustom) {
            String registered = object.registeredName() != null ? object.registeredName() : cls;
            throw ctx.unsupported(path, "custom layer '" + registered + "' (module " + object.module()
                    + ") is not supported; register a Java LayerType for it with LayerRegistry", registered);
        }
        if (!LayerCodecs.isInputLayer(cls) && LayerCodecs.type(typeName()) == null) {
            throw LayerCodecs.refuse(ctx, cls, displayName(), path);
        }
    }

    Fields config(ReadContext ctx) {
        return object.configFields(ctx, className() + " config");
    }
}
