package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.TensorShape;

/** Small builders for the JSON trees the writer emits; objects keep insertion order, which is Keras's order. */
final class Json {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    static JsonNode seed(Long seed) {
        return seed == null ? NullNode.instance : NODES.numberNode(seed);
    }

    /** {@code [null, d1, d2, ...]}: a batch shape with an unknown batch size, as Keras writes it. */
    static ArrayNode batchShape(TensorShape shape) {
        ArrayNode a = array().addNull();
        for (int d : shape.dims()) {
            if (d == TensorShape.UNKNOWN) {
                a.addNull();
            } else {
                a.add(d);
            }
        }
        return a;
    }

    /** A built-in Keras object: Keras 3 adds its public module and a null registered name. */
    static ObjectNode kerasObject(Dialect dialect, String module, String className, ObjectNode config) {
        ObjectNode o = object();
        if (dialect == Dialect.KERAS3) {
            o.put("module", module);
        }
        o.put("class_name", className);
        o.set("config", config);
        if (dialect == Dialect.KERAS3) {
            o.putNull("registered_name");
        }
        return o;
    }

    /**
     * A registered custom object: Keras 3 finds it by {@code registered_name} ("package>Name"), tf.keras 2 by
     * {@code class_name}. Its Python module is unknown to Strata, so Keras 3 gets a null module.
     */
    static ObjectNode customObject(Dialect dialect, String registeredName, ObjectNode config) {
        ObjectNode o = object();
        if (dialect == Dialect.KERAS3) {
            o.putNull("module");
            o.put("class_name", registeredName.substring(registeredName.indexOf('>') + 1));
            o.set("config", config);
            o.put("registered_name", registeredName);
        } else {
            o.put("class_name", registeredName);
            o.set("config", config);
        }
        return o;
    }

    /** The float32 dtype: a {@code DTypePolicy} object in Keras 3, a plain string in Keras 2. */
    static JsonNode dtype(Dialect dialect) {
        if (dialect == Dialect.KERAS2) {
            return NODES.textNode("float32");
        }
        ObjectNode config = object().put("name", "float32");
        return kerasObject(dialect, "keras", "DTypePolicy", config);
    }
}
