package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.Constraint;
import dev.strata.spec.IntTuple;
import dev.strata.spec.InvalidSpecException;
import java.util.Locale;

/**
 * Weight constraints: Keras 3 / tf.keras objects ({@code MaxNorm}, {@code NonNeg}, {@code UnitNorm},
 * {@code MinMaxNorm}), their string forms ({@code "max_norm"}, {@code "non_neg"}, ...), and Keras 1's flat
 * {@code {"name": "MaxNorm", "m": 2, "axis": 0}}.
 */
final class ConstraintJson {
    private ConstraintJson() {
    }

    static Constraint read(ReadContext ctx, JsonNode v, JsonPath path) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return fromString(ctx, v.asText(), path);
        }
        String cls;
        Fields c;
        JsonPath configPath;
        if (v.isObject() && !v.has("class_name") && v.has("name")) { // Keras 1
            c = Fields.of(ctx, v, path, "a constraint");
            cls = c.requireString("name");
            configPath = path;
        } else {
            KerasObject o = KerasObject.of(ctx, v, path, "a constraint");
            if (!o.isBuiltin()) {
                throw ctx.unsupported(path, "custom constraint '" + (o.registeredName() != null ? o.registeredName()
                        : o.className()) + "' is not supported", o.className());
            }
            cls = o.className();
            c = o.configFields(ctx, cls + " config");
            configPath = o.configPath();
        }
        Constraint out;
        try {
            out = switch (cls) {
                case "MaxNorm", "maxnorm", "max_norm" -> new Constraint.MaxNorm(number(c, "max_value", "m", 2.0),
                        axis(ctx, c));
                case "NonNeg", "nonneg", "non_neg" -> new Constraint.NonNeg();
                case "UnitNorm", "unitnorm", "unit_norm" -> new Constraint.UnitNorm(axis(ctx, c));
                case "MinMaxNorm", "min_max_norm" -> new Constraint.MinMaxNorm(c.number("min_value", 0.0),
                        c.number("max_value", 1.0), c.number("rate", 1.0), axis(ctx, c));
                default -> throw ctx.unsupported(path, "constraint " + cls + " is not supported; supported: MaxNorm, "
                        + "NonNeg, UnitNorm, MinMaxNorm", cls);
            };
        } catch (InvalidSpecException e) {
            throw SpecErrors.atField(ctx, e, configPath);
        }
        c.rejectUnknown(cls + " constraint");
        return out;
    }

    private static double number(Fields c, String key, String keras1Key, double fallback) {
        return c.has(key) || !c.has(keras1Key) ? c.number(key, fallback) : c.number(keras1Key, fallback);
    }

    private static IntTuple axis(ReadContext ctx, Fields c) {
        JsonNode v = c.get("axis");
        if (v == null || v.isNull()) {
            return IntTuple.of(0);
        }
        if (v.isArray()) {
            int[] axes = new int[v.size()];
            for (int i = 0; i < axes.length; i++) {
                axes[i] = Fields.toInt(ctx, v.get(i), c.at("axis").index(i), "axis");
            }
            return IntTuple.of(axes);
        }
        return IntTuple.of(Fields.toInt(ctx, v, c.at("axis"), "axis"));
    }

    private static Constraint fromString(ReadContext ctx, String name, JsonPath path) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "max_norm", "maxnorm" -> Constraint.maxNorm(2.0);
            case "non_neg", "nonneg" -> Constraint.nonNeg();
            case "unit_norm", "unitnorm" -> Constraint.unitNorm();
            case "min_max_norm", "minmaxnorm" -> Constraint.minMaxNorm(0.0, 1.0);
            default -> throw ctx.unsupported(path, "constraint '" + name + "' is not supported; known: max_norm, "
                    + "non_neg, unit_norm, min_max_norm", name);
        };
    }

    static JsonNode write(Constraint c, Dialect dialect) {
        ObjectNode config = Json.object();
        if (c instanceof Constraint.MaxNorm m) {
            config.put("max_value", m.maxValue());
            config.set("axis", axis(m.axis()));
        } else if (c instanceof Constraint.UnitNorm u) {
            config.set("axis", axis(u.axis()));
        } else if (c instanceof Constraint.MinMaxNorm m) {
            config.put("min_value", m.minValue()).put("max_value", m.maxValue()).put("rate", m.rate());
            config.set("axis", axis(m.axis()));
        }
        return Json.kerasObject(dialect, "keras.constraints", c.kerasClassName(), config);
    }

    private static JsonNode axis(IntTuple axis) {
        if (axis.size() == 1) {
            return Json.object().numberNode(axis.get(0));
        }
        ArrayNode a = Json.array();
        for (int i = 0; i < axis.size(); i++) {
            a.add(axis.get(i));
        }
        return a;
    }
}
