package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.CustomRegularizer;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.L1;
import dev.strata.spec.L1L2;
import dev.strata.spec.L2;
import dev.strata.spec.OrthogonalRegularizer;
import dev.strata.spec.Regularizer;
import dev.strata.spec.Regularizers;
import dev.strata.spec.SpecException;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Regularizers in every form of keras-semantics.md: Keras 3 / tf.keras objects ({@code L1}, {@code L2},
 * {@code L1L2}, {@code OrthogonalRegularizer}), registered custom names, string shorthands, and Keras 1's flat
 * {@code {"name": "WeightRegularizer", "l1": .., "l2": ..}}. Factors are kept exactly as written (Keras's
 * float32-rounded {@code 0.009999999776482582} stays as it is), so a round trip never drifts.
 */
final class RegularizerJson {
    private RegularizerJson() {
    }

    static Regularizer read(ReadContext ctx, JsonNode v, JsonPath path) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return fromString(ctx, v.asText(), path);
        }
        if (v.isObject() && !v.has("class_name") && v.has("name")) {
            return keras1(ctx, v, path);
        }
        KerasObject o = KerasObject.of(ctx, v, path, "a regularizer");
        String custom = customName(o);
        if (custom != null) {
            return custom(ctx, o, custom);
        }
        if (!o.isBuiltin()) {
            throw unknown(ctx, path, o.registeredName() != null ? o.registeredName() : o.className());
        }
        Fields c = o.configFields(ctx, o.className() + " config");
        Regularizer r;
        try {
            r = switch (o.className()) {
                case "L1" -> new L1(c.number("l1", c.number("l", L1.DEFAULT)));
                case "L2" -> new L2(c.number("l2", c.number("l", L2.DEFAULT)));
                case "L1L2" -> new L1L2(c.number("l1", 0.0), c.number("l2", 0.0));
                case "OrthogonalRegularizer" -> new OrthogonalRegularizer(
                        c.number("factor", OrthogonalRegularizer.DEFAULT_FACTOR), mode(ctx, c));
                default -> throw unknown(ctx, path, o.className());
            };
        } catch (InvalidSpecException e) {
            throw SpecErrors.atField(ctx, e, o.configPath());
        }
        c.rejectUnknown(o.className() + " regularizer");
        return r;
    }

    private static OrthogonalRegularizer.Mode mode(ReadContext ctx, Fields c) {
        String mode = c.string("mode", "rows");
        try {
            return OrthogonalRegularizer.Mode.fromKerasName(mode);
        } catch (SpecException e) {
            throw ctx.invalid(c.at("mode"), "must be 'rows' or 'columns'. Received: mode=" + mode);
        }
    }

    /** Keras 3 names a registered class in {@code registered_name}; tf.keras 2 puts it in {@code class_name}. */
    private static String customName(KerasObject o) {
        if (o.registeredName() != null && CustomRegularizer.isRegistered(o.registeredName())) {
            return o.registeredName();
        }
        return CustomRegularizer.isRegistered(o.className()) ? o.className() : null;
    }

    private static Regularizer custom(ReadContext ctx, KerasObject o, String name) {
        Fields c = o.configFields(ctx, name + " config");
        Map<String, Double> numbers = new TreeMap<>();
        for (Iterator<String> it = o.config().fieldNames(); it.hasNext(); ) {
            String key = it.next();
            JsonNode value = c.get(key);
            if (value == null || !value.isNumber()) {
                throw ctx.unsupported(c.at(key), "custom regularizer config values must be numbers. Received: "
                        + key + "=" + Fields.describe(value), name);
            }
            numbers.put(key, value.doubleValue());
        }
        try {
            return new CustomRegularizer(name, numbers);
        } catch (InvalidSpecException e) {
            throw SpecErrors.atField(ctx, e, o.configPath());
        }
    }

    private static Regularizer fromString(ReadContext ctx, String name, JsonPath path) {
        Regularizer r;
        try {
            r = Regularizers.fromString(name);
        } catch (SpecException e) {
            throw unknown(ctx, path, name);
        }
        if (name.equals("l1l2") || name.equals("L1L2")) {
            ctx.warn(path, "'" + name + "' is L1L2(l1=0, l2=0) in Keras 3, a penalty of zero; give factors, e.g. "
                    + "{\"class_name\": \"L1L2\", \"config\": {\"l1\": 0.01, \"l2\": 0.01}}, to regularize");
        } else if (name.equals("l1_l2")) {
            ctx.warn(path, "'l1_l2' is read as L1L2(l1=0.01, l2=0.01), as in tf.keras; Keras 3 rejects this name");
        }
        return r;
    }

    /** Keras 1: {@code WeightRegularizer}, {@code L1L2Regularizer} and {@code ActivityRegularizer} all mean L1L2. */
    private static Regularizer keras1(ReadContext ctx, JsonNode v, JsonPath path) {
        Fields f = Fields.of(ctx, v, path, "a Keras 1 regularizer");
        String name = f.requireString("name");
        if (!name.equals("WeightRegularizer") && !name.equals("L1L2Regularizer")
                && !name.equals("ActivityRegularizer")) {
            throw unknown(ctx, f.at("name"), name);
        }
        try {
            L1L2 r = new L1L2(f.number("l1", 0.0), f.number("l2", 0.0));
            f.rejectUnknown("Keras 1 " + name);
            return r;
        } catch (InvalidSpecException e) {
            throw SpecErrors.atField(ctx, e, path);
        }
    }

    private static JsonSpecException unknown(ReadContext ctx, JsonPath path, String name) {
        return ctx.error(JsonSpecException.Kind.INVALID, path, "unknown regularizer '" + name + "'; known: L1, L2, "
                + "L1L2, OrthogonalRegularizer, the strings l1, l2, l1_l2, l1l2, orthogonal_regularizer, or a name "
                + "registered with CustomRegularizer", name);
    }

    static ObjectNode write(Regularizer r, Dialect dialect) {
        ObjectNode config = Json.object();
        if (r instanceof L1 l1) {
            config.put("l1", l1.l1());
        } else if (r instanceof L2 l2) {
            config.put("l2", l2.l2());
        } else if (r instanceof L1L2 both) {
            config.put("l1", both.l1()).put("l2", both.l2());
        } else if (r instanceof OrthogonalRegularizer o) {
            config.put("factor", o.factor()).put("mode", o.mode().kerasName());
        } else {
            CustomRegularizer c = (CustomRegularizer) r;
            c.config().forEach(config::put);
            return Json.customObject(dialect, c.registeredName(), config);
        }
        return Json.kerasObject(dialect, "keras.regularizers", r.kerasClassName(), config);
    }
}
