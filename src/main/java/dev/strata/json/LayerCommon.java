package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/** The fields every Keras layer config has: {@code name}, {@code trainable}, {@code dtype}. */
final class LayerCommon {
    /** Keras 3 / tf.keras mixed-precision policy classes; only their float32 form is accepted. */
    private static final Set<String> POLICY_CLASSES = Set.of("DTypePolicy", "FloatDTypePolicy", "Policy");

    private LayerCommon() {
    }

    record Common(String name, boolean trainable) {
    }

    static Common read(Fields c) {
        String name = c.string("name", null);
        boolean trainable = c.bool("trainable", true);
        checkFloat32(c.ctx(), c.get("dtype"), c.at("dtype"));
        return new Common(name, trainable);
    }

    /** Strata computes in float32: a float32 string or policy passes, anything else changes the math. */
    static void checkFloat32(ReadContext ctx, JsonNode dtype, JsonPath path) {
        if (dtype == null || dtype.isNull()) {
            return;
        }
        String name;
        if (dtype.isTextual()) {
            name = dtype.asText();
        } else {
            KerasObject policy = KerasObject.of(ctx, dtype, path, "a dtype policy");
            if (!POLICY_CLASSES.contains(policy.className())) {
                throw ctx.unsupported(path, "dtype policy " + policy.className() + " is not supported", "dtype");
            }
            Fields c = policy.configFields(ctx, "dtype policy config");
            name = c.string("name", null);
            c.rejectUnknown("dtype policy");
        }
        if (!"float32".equals(name)) {
            throw ctx.unsupported(path, "dtype " + name + " is not supported; Strata computes in float32", "dtype");
        }
    }

    static ObjectNode write(String name, boolean trainable, Dialect dialect) {
        ObjectNode o = Json.object();
        o.put("name", name);
        o.put("trainable", trainable);
        o.set("dtype", Json.dtype(dialect));
        return o;
    }
}
