package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.Initializer;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.SpecException;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Initializers in every form Keras has written: class objects ({@code GlorotUniform}, {@code VarianceScaling}
 * with Keras 2.0's {@code "normal"} distribution, ...) and names ({@code "glorot_uniform"}, Keras 1's
 * {@code "uniform"}/{@code "normal"}).
 */
final class InitializerJson {
    private InitializerJson() {
    }

    private static final Map<String, Function<Long, Initializer>> PRESETS = Map.of(
            "GlorotUniform", Initializer.GlorotUniform::new,
            "GlorotNormal", Initializer.GlorotNormal::new,
            "HeNormal", Initializer.HeNormal::new,
            "HeUniform", Initializer.HeUniform::new,
            "LecunNormal", Initializer.LecunNormal::new,
            "LecunUniform", Initializer.LecunUniform::new);

    /** Reads an initializer; null or absent gives {@code fallback}, as Keras's layer defaults do. */
    static Initializer read(ReadContext ctx, JsonNode v, JsonPath path, Initializer fallback) {
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (v.isTextual()) {
            return fromName(ctx, v.asText(), path);
        }
        KerasObject o = KerasObject.of(ctx, v, path, "an initializer");
        if (!o.isBuiltin()) {
            throw ctx.error(JsonSpecException.Kind.UNSUPPORTED, path, "custom initializer '"
                    + (o.registeredName() == null ? o.className() : o.registeredName()) + "' is not supported",
                    o.className());
        }
        Fields c = o.configFields(ctx, o.className() + " config");
        Initializer init = fromObject(ctx, o, c);
        c.ignore("dtype"); // tf.keras 1.x wrote the weight dtype here; weights are float32 either way
        checkFloat32(ctx, c);
        c.requireNull("input_axes", "Keras 3.16 fan axes");
        c.requireNull("output_axes", "Keras 3.16 fan axes");
        c.rejectUnknown(o.className() + " initializer");
        return init;
    }

    private static void checkFloat32(ReadContext ctx, Fields c) {
        if (c.has("dtype") && !"float32".equals(c.string("dtype", null))) {
            throw ctx.unsupported(c.at("dtype"), "initializer dtype must be float32", "dtype");
        }
    }

    private static Initializer fromObject(ReadContext ctx, KerasObject o, Fields c) {
        String cls = o.className();
        try {
            Function<Long, Initializer> preset = PRESETS.get(cls);
            if (preset != null) {
                return preset.apply(c.seed("seed"));
            }
            switch (cls) {
                case "Zeros":
                    return Initializer.zeros();
                case "Ones":
                    return Initializer.ones();
                case "Constant":
                    return Initializer.constant(c.number("value", 0.0));
                case "RandomNormal":
                    return new Initializer.RandomNormal(c.number("mean", 0.0), c.number("stddev", 0.05), c.seed("seed"));
                case "TruncatedNormal":
                    return new Initializer.TruncatedNormal(c.number("mean", 0.0), c.number("stddev", 0.05),
                            c.seed("seed"));
                case "RandomUniform":
                    return new Initializer.RandomUniform(c.number("minval", -0.05), c.number("maxval", 0.05),
                            c.seed("seed"));
                case "VarianceScaling":
                    return varianceScaling(ctx, c);
                case "Orthogonal", "OrthogonalInitializer":
                    return new Initializer.Orthogonal(c.number("gain", 1.0), c.seed("seed"));
                default:
                    throw ctx.unsupported(o.path(), "initializer " + cls + " is not supported; supported: "
                            + "GlorotUniform, GlorotNormal, HeNormal, HeUniform, LecunNormal, LecunUniform, Zeros, "
                            + "Ones, Constant, RandomNormal, RandomUniform, TruncatedNormal, VarianceScaling, Orthogonal", cls);
            }
        } catch (InvalidSpecException e) {
            throw SpecErrors.atField(ctx, e, o.configPath());
        }
    }

    private static Initializer varianceScaling(ReadContext ctx, Fields c) {
        String mode = c.string("mode", "fan_in");
        String distribution = c.string("distribution", "truncated_normal");
        Initializer.FanMode fan;
        Initializer.Distribution dist;
        try {
            fan = Initializer.FanMode.fromKerasName(mode);
        } catch (SpecException e) {
            throw ctx.invalid(c.at("mode"), e.getMessage());
        }
        try {
            dist = Initializer.Distribution.fromKerasName(distribution);
        } catch (SpecException e) {
            throw ctx.invalid(c.at("distribution"), e.getMessage());
        }
        return new Initializer.VarianceScaling(c.number("scale", 1.0), fan, dist, c.seed("seed"));
    }

    /** Keras's string shorthands, including Keras 1's {@code uniform}/{@code normal} (scale 0.05). */
    private static Initializer fromName(ReadContext ctx, String name, JsonPath path) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "glorot_uniform", "glorotuniform":
                return Initializer.glorotUniform();
            case "glorot_normal", "glorotnormal":
                return Initializer.glorotNormal();
            case "he_normal", "henormal":
                return Initializer.heNormal();
            case "he_uniform", "heuniform":
                return Initializer.heUniform();
            case "lecun_normal", "lecunnormal":
                return Initializer.lecunNormal();
            case "lecun_uniform", "lecununiform":
                return Initializer.lecunUniform();
            case "zeros", "zero":
                return Initializer.zeros();
            case "ones", "one":
                return Initializer.ones();
            case "constant":
                return Initializer.constant(0);
            case "random_normal", "randomnormal", "normal":
                return new Initializer.RandomNormal(0, 0.05, null);
            case "random_uniform", "randomuniform", "uniform":
                return new Initializer.RandomUniform(-0.05, 0.05, null);
            case "truncated_normal", "truncatednormal":
                return new Initializer.TruncatedNormal(0, 0.05, null);
            case "orthogonal":
                // Keras 2 and 3's default gain; Keras 1's orthogonal drew with scale 1.1.
                return Initializer.orthogonal();
            case "variance_scaling", "variancescaling":
                return new Initializer.VarianceScaling(1.0, Initializer.FanMode.FAN_IN,
                        Initializer.Distribution.TRUNCATED_NORMAL, null);
            default:
                throw ctx.unsupported(path, "initializer '" + name + "' is not supported", name);
        }
    }

    static ObjectNode write(Initializer init, Dialect dialect) {
        if (init instanceof Initializer.Blocks) {
            throw new IllegalArgumentException("block initial values belong to a layer's weight, not to a config");
        }
        ObjectNode config = Json.object();
        boolean k3 = dialect == Dialect.KERAS3;
        if (init instanceof Initializer.Preset p) {
            config.set("seed", Json.seed(p.seed()));
        } else if (init instanceof Initializer.Constant c) {
            config.put("value", c.value());
        } else if (init instanceof Initializer.RandomNormal r) {
            seedThen(config, k3, r.seed(), () -> config.put("mean", r.mean()).put("stddev", r.stddev()));
        } else if (init instanceof Initializer.TruncatedNormal r) {
            seedThen(config, k3, r.seed(), () -> config.put("mean", r.mean()).put("stddev", r.stddev()));
        } else if (init instanceof Initializer.RandomUniform r) {
            seedThen(config, k3, r.seed(), () -> config.put("minval", r.minval()).put("maxval", r.maxval()));
        } else if (init instanceof Initializer.Orthogonal o) {
            seedThen(config, k3, o.seed(), () -> config.put("gain", o.gain()));
        } else if (init instanceof Initializer.VarianceScaling v) {
            seedThen(config, k3, v.seed(), () -> config.put("scale", v.scale()).put("mode", v.mode().kerasName())
                    .put("distribution", v.distribution().kerasName()));
        }
        return Json.kerasObject(dialect, "keras.initializers", init.kerasClassName(), config);
    }

    /** Keras 3 writes the seed first (base class config), Keras 2 last. */
    private static void seedThen(ObjectNode config, boolean seedFirst, Long seed, Runnable rest) {
        if (seedFirst) {
            config.set("seed", Json.seed(seed));
        }
        rest.run();
        if (!seedFirst) {
            config.set("seed", Json.seed(seed));
        }
    }
}
