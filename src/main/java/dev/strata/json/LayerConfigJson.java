package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.KerasEnum;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one codec of every layer: reads and writes a layer's {@code config} from its {@link LayerType}'s field
 * declarations. Each declared field is read under its Keras key or an older alias, typed by its kind, checked by
 * the spec; keys the type reads but does not model must hold an accepted value; any other key is refused, as
 * Keras refuses unknown arguments.
 */
final class LayerConfigJson {
    private static final String ACTIVITY = "activity_regularizer";

    private LayerConfigJson() {
    }

    static Layer read(LayerType<?> type, Fields c) {
        ReadContext ctx = c.ctx();
        LayerCommon.Common common = LayerCommon.read(c);
        Map<ConfigField<?>, Object> values = new LinkedHashMap<>();
        for (ConfigField<?> f : type.fields()) {
            String key = presentKey(c, f);
            if (key == null && !f.splitAliases().isEmpty() && c.has(f.splitAliases().get(0))) {
                values.put(f, split(c, f));
                continue;
            }
            if (key == null && f.key().equals("data_format") && ctx.impliedDimOrdering() != null) {
                values.put(f, choice(ctx, JsonNodeFactory.instance.textNode(ctx.impliedDimOrdering()), c.path(),
                        "dim_ordering", f));
                ctx.warn(c.path(), "no dim_ordering: took '" + ctx.impliedDimOrdering() + "', the ordering every "
                        + "other layer of the file states (Keras 1 used the writer's image_dim_ordering)");
                c.ignore(f.key());
                continue;
            }
            if (key == null) {
                if (f.isRequired() && f.defaultValue() == null) {
                    throw ctx.invalid(c.at(f.key()), "is required (" + f.kind().name().toLowerCase(java.util.Locale.ROOT)
                            + ")");
                }
                c.ignore(f.key());
                continue;
            }
            values.put(f, value(c, f, key));
        }
        for (LayerType.FixedKey fixed : type.fixedKeys()) {
            JsonNode v = c.get(fixed.key());
            if (v != null && !fixed.accepted().isEmpty() && !accepted(v, fixed)) {
                throw ctx.unsupported(c.at(fixed.key()), fixed.key() + " is not supported (" + fixed.why()
                        + "); accepted: " + fixed.accepted() + ". Received: " + Fields.abbreviate(v), fixed.key());
            }
        }
        c.rejectUnknown(type.kerasClassName() + " config");
        try {
            Layer layer = type.create(common.name(), common.trainable(), values);
            layer.validate(type.kerasClassName());
            return layer;
        } catch (InvalidSpecException e) {
            JsonPath at = c.path();
            if (e.field() != null) {
                ConfigField<?> f = type.field(e.field());
                String key = f == null ? null : presentKey(c, f);
                at = key != null ? c.at(key) : at;
            }
            throw ctx.error(JsonSpecException.Kind.INVALID, at, (e.field() == null || at != c.path() ? ""
                    : e.field() + " ") + e.problem(), e.field(), e);
        }
    }

    /** The key under which the config holds the field: its Keras key, else the first alias present. */
    static String presentKey(Fields c, ConfigField<?> f) {
        if (c.contains(f.key())) {
            return f.key();
        }
        for (String alias : f.aliases()) {
            if (c.contains(alias)) {
                return alias;
            }
        }
        return null;
    }

    private static boolean accepted(JsonNode v, LayerType.FixedKey fixed) {
        for (Object a : fixed.accepted()) {
            if (a == null ? v.isNull() : a instanceof Boolean b ? v.isBoolean() && v.booleanValue() == b
                    : a instanceof Number n ? v.isNumber() && v.doubleValue() == n.doubleValue()
                    : v.isTextual() && v.asText().equals(a.toString())) {
                return true;
            }
        }
        return false;
    }

    private static Object value(Fields c, ConfigField<?> f, String key) {
        ReadContext ctx = c.ctx();
        JsonNode v = c.get(key);
        JsonPath at = c.at(key);
        if (v == null || v.isNull()) {
            if (f.kind() == ConfigField.Kind.INITIALIZER) {
                return f.defaultValue(); // Keras reads a null initializer as the layer default
            }
            if (f.kind() == ConfigField.Kind.ACTIVATION) {
                return ActivationJson.read(ctx, v, at);
            }
            return f.isNullable() ? null : f.defaultValue();
        }
        return switch (f.kind()) {
            case INT -> Fields.toInt(ctx, scalar(ctx, v, at), at, key);
            case INTS -> ints(ctx, v, at, key, f.rank());
            case INT_PAIRS -> pairs(ctx, v, at, key, f.rank());
            case FLOAT -> number(ctx, v, at, key);
            case NUMBERS -> NumberArrayJson.read(ctx, v, at, key);
            case DIMS -> dims(ctx, v, at, key);
            case BOOL -> c.bool(key, false);
            case ENUM -> choice(ctx, v, at, key, f);
            case ACTIVATION -> ActivationJson.read(ctx, v, at);
            case INITIALIZER -> InitializerJson.read(ctx, v, at, (dev.strata.spec.Initializer) f.defaultValue());
            case REGULARIZER -> RegularizerJson.read(ctx, v, at);
            case CONSTRAINT -> ConstraintJson.read(ctx, v, at);
            case SEED -> c.seed(key);
            case LAYER -> nestedLayer(ctx, v, at);
            case MODEL -> throw new IllegalStateException("a nested model is read by the model readers");
        };
    }

    /** A wrapped layer object ({@code {"class_name": "LSTM", "config": {...}}}), read like any layer entry. */
    private static Layer nestedLayer(ReadContext ctx, JsonNode v, JsonPath at) {
        LayerEntry entry = LayerEntry.of(ctx, v, at);
        entry.requireSupported(ctx);
        if (LayerCodecs.isInputLayer(entry.className())) {
            throw ctx.invalid(at, "an InputLayer cannot be wrapped");
        }
        Fields config = entry.config(ctx);
        // A wrapped layer may carry an input shape Keras ignores.
        InputShapes.fromFields(config, LayerCodecs.type(entry.typeName()));
        entry.object().fields().rejectUnknown(entry.className() + " layer entry");
        return LayerCodecs.read(entry.typeName(), config);
    }

    /** TensorFlow.js writes some numbers as {@code {"type": "ndarray", "value": 6}}. */
    private static JsonNode scalar(ReadContext ctx, JsonNode v, JsonPath at) {
        if (v.isObject() && v.has("type") && "ndarray".equals(v.get("type").asText()) && v.has("value")
                && v.size() == 2) {
            return v.get("value");
        }
        return v;
    }

    private static double number(ReadContext ctx, JsonNode v, JsonPath at, String key) {
        JsonNode n = scalar(ctx, v, at);
        if (!n.isNumber()) {
            throw ctx.invalid(at, "must be a number. Received: " + key + "=" + Fields.describe(v));
        }
        return n.doubleValue();
    }

    private static IntTuple ints(ReadContext ctx, JsonNode v, JsonPath at, String key, int rank) {
        if (v.isIntegralNumber()) {
            int n = Fields.toInt(ctx, v, at, key);
            return rank > 0 ? IntTuple.repeat(n, rank) : IntTuple.of(n);
        }
        if (!v.isArray()) {
            throw ctx.invalid(at, "must be an integer or a list of integers. Received: " + key + "="
                    + Fields.describe(v));
        }
        int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Fields.toInt(ctx, v.get(i), at.index(i), key);
        }
        return IntTuple.of(out);
    }

    /** A list of sizes or nulls ({@code noise_shape}); a null is held as -1. */
    private static IntTuple dims(ReadContext ctx, JsonNode v, JsonPath at, String key) {
        if (!v.isArray()) {
            throw ctx.invalid(at, "must be a list of integers or nulls. Received: " + key + "=" + Fields.describe(v));
        }
        int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i).isNull() ? -1 : Fields.toInt(ctx, v.get(i), at.index(i), key);
            if (out[i] < 1 && !v.get(i).isNull()) {
                throw ctx.invalid(at.index(i), "must be a positive size or null. Received: " + key + "=" + v);
            }
        }
        return IntTuple.of(out);
    }

    /** An int, one int per dimension (symmetric), or one (before, after) pair per dimension. */
    private static IntTuple pairs(ReadContext ctx, JsonNode v, JsonPath at, String key, int dims) {
        if (v.isIntegralNumber()) {
            return IntTuple.repeat(Fields.toInt(ctx, v, at, key), 2 * dims);
        }
        if (!v.isArray() || (dims == 1 ? v.size() != 2 : v.size() != dims)) {
            throw ctx.invalid(at, "must be an integer, " + (dims == 1 ? "or a (before, after) pair"
                    : dims + " integers, or " + dims + " (before, after) pairs") + ". Received: " + key + "="
                    + Fields.describe(v));
        }
        int[] out = new int[2 * dims];
        if (dims == 1) {
            out[0] = Fields.toInt(ctx, v.get(0), at.index(0), key);
            out[1] = Fields.toInt(ctx, v.get(1), at.index(1), key);
            return IntTuple.of(out);
        }
        for (int d = 0; d < dims; d++) {
            JsonNode e = v.get(d);
            if (e.isIntegralNumber()) {
                out[2 * d] = out[2 * d + 1] = Fields.toInt(ctx, e, at.index(d), key);
            } else if (e.isArray() && e.size() == 2) {
                out[2 * d] = Fields.toInt(ctx, e.get(0), at.index(d).index(0), key);
                out[2 * d + 1] = Fields.toInt(ctx, e.get(1), at.index(d).index(1), key);
            } else {
                throw ctx.invalid(at.index(d), "must be an integer or a (before, after) pair. Received: "
                        + Fields.describe(e));
            }
        }
        return IntTuple.of(out);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object choice(ReadContext ctx, JsonNode v, JsonPath at, String key, ConfigField<?> f) {
        if (!v.isTextual()) {
            throw ctx.invalid(at, "must be a string. Received: " + key + "=" + Fields.describe(v));
        }
        Object e = KerasEnum.lookup((Class) f.enumType(), v.asText());
        if (e == null) {
            throw ctx.unsupported(at, key + " must be one of " + KerasEnum.names(f.enumType()) + ". Received: "
                    + key + "='" + v.asText() + "'", key);
        }
        return e;
    }

    /** Keras 1's one key per entry ({@code nb_row}, {@code nb_col}). */
    private static IntTuple split(Fields c, ConfigField<?> f) {
        int[] out = new int[f.splitAliases().size()];
        for (int i = 0; i < out.length; i++) {
            String key = f.splitAliases().get(i);
            if (!c.has(key)) {
                throw c.ctx().invalid(c.at(key), "is required with " + f.splitAliases().get(0));
            }
            out[i] = c.requireInt(key);
        }
        return IntTuple.of(out);
    }

    static ObjectNode write(Layer layer, Dialect dialect) {
        LayerType<?> type = layer.type();
        ObjectNode o = LayerCommon.write(layer.name(), layer.trainable(), dialect);
        if (dialect == Dialect.KERAS3 && !type.writesTrainableInKeras3()) {
            o.remove("trainable");
        }
        ConfigField<?> activity = type.field(ACTIVITY);
        boolean activityFirst = dialect == Dialect.KERAS3 && activity != null
                && type.value(layer, activity) != null; // Keras 3's base Layer writes a set one first
        if (activityFirst) {
            o.set(ACTIVITY, valueNode(activity, type.value(layer, activity), dialect));
        }
        for (ConfigField<?> f : type.fields()) {
            Object v = type.value(layer, f);
            boolean keras2 = dialect == Dialect.KERAS2;
            // A Keras-3-only key is left out of the Keras 2 dialect when it holds its default; any other value has no
            // tf.keras 2 spelling, so it is written and tf.keras 2 refuses it rather than silently dropping it.
            boolean omitted = (v == null && !keras2 && f.isOmittedWhenNullInKeras3())
                    || (keras2 && f.isKeras3Only() && java.util.Objects.equals(v, f.defaultValue()));
            if (!(activityFirst && f == activity) && !omitted) {
                o.set(f.key(keras2), valueNode(f, v, dialect));
            }
        }
        for (LayerType.FixedKey fixed : type.fixedKeys()) {
            if (fixed.written()) {
                o.set(fixed.key(), scalarNode(fixed.accepted().get(0)));
            }
        }
        return o;
    }

    private static JsonNode valueNode(ConfigField<?> f, Object v, Dialect dialect) {
        if (v == null) {
            return NullNode.instance;
        }
        return switch (f.kind()) {
            case INT -> Json.object().numberNode((Integer) v);
            case INTS -> {
                IntTuple t = (IntTuple) v;
                yield f.writesSingleAsInt() && t.size() == 1 ? Json.object().numberNode(t.get(0)) : array(t, 0,
                        t.size());
            }
            case INT_PAIRS -> {
                IntTuple t = (IntTuple) v;
                if (f.rank() == 1) {
                    yield array(t, 0, 2);
                }
                ArrayNode a = Json.array();
                for (int d = 0; d < f.rank(); d++) {
                    a.add(array(t, 2 * d, 2 * d + 2));
                }
                yield a;
            }
            case FLOAT -> Json.object().numberNode((Double) v);
            case NUMBERS -> NumberArrayJson.write((dev.strata.spec.NumberArray) v);
            case DIMS -> {
                ArrayNode a = Json.array();
                ((IntTuple) v).toList().forEach(d -> a.add(d == -1 ? NullNode.instance : Json.object().numberNode(d)));
                yield a;
            }
            case BOOL -> Json.object().booleanNode((Boolean) v);
            case ENUM -> Json.object().textNode(((KerasEnum) v).kerasName());
            case ACTIVATION -> ActivationJson.write((dev.strata.spec.Activation) v, dialect);
            case INITIALIZER -> InitializerJson.write((dev.strata.spec.Initializer) v, dialect);
            case REGULARIZER -> RegularizerJson.write((dev.strata.spec.Regularizer) v, dialect);
            case CONSTRAINT -> ConstraintJson.write((dev.strata.spec.Constraint) v, dialect);
            case SEED -> Json.seed((Long) v);
            case LAYER -> {
                Layer inner = (Layer) v;
                yield Json.kerasObject(dialect, "keras.layers", inner.kerasClassName(), write(inner, dialect));
            }
            case MODEL -> throw new IllegalStateException("a nested model is written by the model writers");
        };
    }

    private static JsonNode scalarNode(Object v) {
        return v == null ? NullNode.instance : v instanceof Boolean b ? Json.object().booleanNode(b)
                : v instanceof Integer i ? Json.object().numberNode(i) : v instanceof Number n
                ? Json.object().numberNode(n.doubleValue()) : Json.object().textNode(v.toString());
    }

    private static ArrayNode array(IntTuple t, int from, int to) {
        ArrayNode a = Json.array();
        for (int i = from; i < to; i++) {
            a.add(t.get(i));
        }
        return a;
    }
}
