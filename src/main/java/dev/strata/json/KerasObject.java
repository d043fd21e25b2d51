package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A serialized Keras object, {@code {"module", "class_name", "config", "registered_name"}} (Keras 3 and
 * tf.keras 2.13+) or {@code {"class_name", "config"}} (older). Only the class name selects a reader, and only
 * from fixed tables: nothing here turns a name into Java code.
 */
record KerasObject(String className, JsonNode config, String module, String registeredName, JsonPath path,
                   Fields fields) {

    static KerasObject of(ReadContext ctx, JsonNode node, JsonPath path, String what) {
        Fields f = Fields.of(ctx, node, path, what);
        String className = f.requireString("class_name");
        JsonNode config = f.get("config");
        String module = f.string("module", null);
        String registered = f.string("registered_name", null);
        f.ignore("shared_object_id"); // Keras 3 de-duplication id; no meaning for a reader of plain specs
        return new KerasObject(className, config == null ? JsonNodeFactory.instance.objectNode() : config, module,
                registered, path, f);
    }

    /**
     * True when the object names a Keras built-in rather than a registered custom class: a Keras module (or
     * none) and no registered name other than the class name, which is how Keras writes built-ins.
     */
    boolean isBuiltin() {
        boolean kerasModule = module == null || module.equals("keras") || module.startsWith("keras.")
                || module.equals("tf_keras") || module.startsWith("tf_keras.");
        return kerasModule && (registeredName == null || registeredName.equals(className));
    }

    /** The object's {@code config} as fields; null or absent reads as an empty object. */
    Fields configFields(ReadContext ctx, String what) {
        JsonNode c = config.isNull() ? JsonNodeFactory.instance.objectNode() : config;
        return Fields.of(ctx, c, path.key("config"), what);
    }

    JsonPath configPath() {
        return path.key("config");
    }
}
