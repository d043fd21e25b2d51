package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.LearningRateSchedule;
import dev.strata.spec.LearningRateSchedule.CosineDecay;
import dev.strata.spec.LearningRateSchedule.CosineDecayRestarts;
import dev.strata.spec.LearningRateSchedule.ExponentialDecay;
import dev.strata.spec.LearningRateSchedule.InverseTimeDecay;
import dev.strata.spec.LearningRateSchedule.PiecewiseConstantDecay;
import dev.strata.spec.LearningRateSchedule.PolynomialDecay;
import java.util.ArrayList;
import java.util.List;

/**
 * A learning-rate schedule in an optimizer's {@code learning_rate}, as Keras 3 writes it
 * ({@code {"module": "keras.optimizers.schedules", "class_name", "config", "registered_name": null}}) or tf.keras
 * 2 ({@code {"class_name", "config"}}), with Keras's defaults for absent keys.
 */
final class ScheduleJson {
    static final String MODULE = "keras.optimizers.schedules";

    private ScheduleJson() {
    }

    static LearningRateSchedule read(ReadContext ctx, JsonNode v, JsonPath path) {
        KerasObject o = KerasObject.of(ctx, v, path, "a learning-rate schedule");
        String cls = o.className();
        if (!o.isBuiltin()) {
            throw unsupported(ctx, path, o.registeredName() != null ? o.registeredName() : cls);
        }
        Fields c = o.configFields(ctx, cls + " config");
        String name = c.string("name", null);
        LearningRateSchedule s;
        try {
            s = switch (cls) {
                case "ExponentialDecay" -> new ExponentialDecay(req(ctx, c, "initial_learning_rate"),
                        req(ctx, c, "decay_steps"), req(ctx, c, "decay_rate"),
                        c.bool("staircase", false), name);
                case "PiecewiseConstantDecay" -> new PiecewiseConstantDecay(boundaries(ctx, c),
                        values(ctx, c), name);
                case "PolynomialDecay" -> new PolynomialDecay(req(ctx, c, "initial_learning_rate"),
                        req(ctx, c, "decay_steps"), c.number("end_learning_rate", 0.0001),
                        c.number("power", 1.0), c.bool("cycle", false), name);
                case "InverseTimeDecay" -> new InverseTimeDecay(req(ctx, c, "initial_learning_rate"),
                        req(ctx, c, "decay_steps"), req(ctx, c, "decay_rate"),
                        c.bool("staircase", false), name);
                case "CosineDecay" -> new CosineDecay(req(ctx, c, "initial_learning_rate"),
                        req(ctx, c, "decay_steps"), c.number("alpha", 0.0),
                        optional(c, "warmup_target"),
                        c.number("warmup_steps", 0), name);
                case "CosineDecayRestarts" -> new CosineDecayRestarts(req(ctx, c, "initial_learning_rate"),
                        req(ctx, c, "first_decay_steps"), c.number("t_mul", 2.0), c.number("m_mul", 1.0),
                        c.number("alpha", 0.0), name);
                default -> throw unsupported(ctx, path, cls);
            };
        } catch (InvalidSpecException e) {
            throw SpecErrors.atField(ctx, e, o.configPath());
        }
        c.rejectUnknown(cls + " config");
        return s;
    }

    private static double req(ReadContext ctx, Fields c, String key) {
        if (!c.has(key)) {
            c.ignore(key);
            throw ctx.invalid(c.at(key), "is required (a number)");
        }
        return c.number(key, 0);
    }

    /** A number, or null when absent or null (Keras's None). */
    private static Double optional(Fields c, String key) {
        JsonNode v = c.get(key);
        return v == null || v.isNull() ? null : (Double) c.number(key, 0);
    }

    private static List<Long> boundaries(ReadContext ctx, Fields c) {
        JsonNode list = list(ctx, c, "boundaries");
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode b = list.get(i);
            // Keras casts the boundaries to the step's int64, so they must be whole numbers.
            if (!b.isNumber() || b.doubleValue() != Math.rint(b.doubleValue()) || !b.canConvertToLong()) {
                throw ctx.invalid(c.at("boundaries").index(i), "must be a whole number of steps. Received: "
                        + Fields.describe(b));
            }
            out.add(b.longValue());
        }
        return out;
    }

    private static List<Double> values(ReadContext ctx, Fields c) {
        JsonNode list = list(ctx, c, "values");
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isNumber()) {
                throw ctx.invalid(c.at("values").index(i), "must be a number. Received: "
                        + Fields.describe(list.get(i)));
            }
            out.add(list.get(i).doubleValue());
        }
        return out;
    }

    private static JsonNode list(ReadContext ctx, Fields c, String key) {
        JsonNode v = c.get(key);
        if (v == null || !v.isArray()) {
            throw ctx.invalid(c.at(key), "is required: a list. Received: " + (v == null ? "nothing"
                    : Fields.describe(v)));
        }
        return v;
    }

    private static JsonSpecException unsupported(ReadContext ctx, JsonPath path, String name) {
        return ctx.unsupported(path, "learning-rate schedule " + name + " is not supported; supported: "
                + "ExponentialDecay, PiecewiseConstantDecay, PolynomialDecay, InverseTimeDecay, CosineDecay, "
                + "CosineDecayRestarts", name);
    }

    static ObjectNode write(LearningRateSchedule s, Dialect dialect) {
        ObjectNode c = Json.object();
        if (s instanceof ExponentialDecay e) {
            c.put("initial_learning_rate", e.initialLearningRate());
            steps(c, "decay_steps", e.decaySteps());
            c.put("decay_rate", e.decayRate()).put("staircase", e.staircase());
        } else if (s instanceof PiecewiseConstantDecay p) {
            ArrayNode b = c.putArray("boundaries");
            p.boundaries().forEach(b::add);
            ArrayNode v = c.putArray("values");
            p.values().forEach(v::add);
        } else if (s instanceof PolynomialDecay p) {
            c.put("initial_learning_rate", p.initialLearningRate());
            steps(c, "decay_steps", p.decaySteps());
            c.put("end_learning_rate", p.endLearningRate()).put("power", p.power()).put("cycle", p.cycle());
        } else if (s instanceof InverseTimeDecay i) {
            c.put("initial_learning_rate", i.initialLearningRate());
            steps(c, "decay_steps", i.decaySteps());
            c.put("decay_rate", i.decayRate()).put("staircase", i.staircase());
        } else if (s instanceof CosineDecay cd) {
            c.put("initial_learning_rate", cd.initialLearningRate());
            steps(c, "decay_steps", cd.decaySteps());
            c.put("alpha", cd.alpha()).put("name", cd.name());
            if (cd.warmupTarget() == null) {
                c.putNull("warmup_target");
            } else {
                c.put("warmup_target", cd.warmupTarget());
            }
            steps(c, "warmup_steps", cd.warmupSteps());
            return Json.kerasObject(dialect, MODULE, s.kerasClassName(), c);
        } else {
            CosineDecayRestarts r = (CosineDecayRestarts) s;
            c.put("initial_learning_rate", r.initialLearningRate());
            steps(c, "first_decay_steps", r.firstDecaySteps());
            c.put("t_mul", r.tMul()).put("m_mul", r.mMul()).put("alpha", r.alpha());
        }
        c.put("name", s.name());
        return Json.kerasObject(dialect, MODULE, s.kerasClassName(), c);
    }

    /** Step counts as integers when whole, as Keras users give them (Keras accepts either). */
    private static void steps(ObjectNode c, String key, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            c.put(key, (long) v);
        } else {
            c.put(key, v);
        }
    }
}
