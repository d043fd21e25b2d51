package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.spec.Activation;
import dev.strata.spec.SpecException;

/** Activation values: a name ({@code "relu"}), Keras 2.13+'s function object, or null for linear. */
final class ActivationJson {
    private ActivationJson() {
    }

    /**
     * The name Keras writes, refusing a hard_sigmoid the target version would read as the other function: Keras 3's
     * {@code relu6(x + 3) / 6} and Keras 1/2's {@code clip(0.2x + 0.5)} share the name.
     */
    static JsonNode write(Activation a, Dialect dialect) {
        boolean legacy = a == Activation.HARD_SIGMOID_KERAS2;
        if ((a == Activation.HARD_SIGMOID || legacy) && legacy != (dialect == Dialect.KERAS2)) {
            throw new IllegalArgumentException("hard_sigmoid " + (legacy ? "read from a Keras 1/2 or TF.js file "
                    + "is clip(0.2x + 0.5, 0, 1), which Keras 3" : "is Keras 3's relu6(x + 3) / 6, which Keras 2")
                    + " would read as another function: write the model as " + (legacy ? "Keras 2" : "Keras 3")
                    + " or choose another activation");
        }
        return Json.object().textNode(a.kerasName());
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
            Activation a = Activation.fromKerasName(name);
            // Keras 3 redefined hard_sigmoid; a file of an older Keras keeps the function it was trained with.
            return a == Activation.HARD_SIGMOID && ctx.dialect() == Dialect.KERAS2 ? Activation.HARD_SIGMOID_KERAS2 : a;
        } catch (SpecException e) {
            throw ctx.error(JsonSpecException.Kind.UNSUPPORTED, path, e.getMessage(), name, e);
        }
    }
}
