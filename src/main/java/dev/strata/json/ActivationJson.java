package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.spec.Activation;
import dev.strata.spec.SpecException;

/** Activation values: a name ({@code "relu"}), Keras 2.13+'s function object, or null for linear. */
final class ActivationJson {
    private ActivationJson() {
    }

    static Activation read(ReadContext ctx, JsonNode v, JsonPath path) {
        if (v == null || v.isNull()) {
            return Activation.LINEAR;
        }
        String name;
        if (v.isTextual()) {
            name = v.asText();
        } else if (v.isObject()) {
            KerasObject o = KerasObject.of(ctx, v, path, "an activation");
            if (o.className().equals("__lambda__")) {
                throw ctx.error(JsonSpecException.Kind.UNSAFE, path, "the activation is a serialized Python lambda; "
                        + "Strata never loads code from a model file", "__lambda__");
            }
            boolean builtinFunction = o.className().equals("function") && o.config().isTextual()
                    && (o.module() == null || o.module().equals("builtins") || o.module().startsWith("keras"));
            if (!builtinFunction) {
                throw ctx.unsupported(path, "activation object " + o.className()
                        + " is not supported; use an activation name such as \"relu\"", o.className());
            }
            name = o.config().asText();
        } else {
            throw ctx.invalid(path, "must be an activation name. Received: " + Fields.describe(v));
        }
        try {
            return Activation.fromKerasName(name);
        } catch (SpecException e) {
            throw ctx.error(JsonSpecException.Kind.UNSUPPORTED, path, e.getMessage(), name, e);
        }
    }
}
