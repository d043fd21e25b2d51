package dev.strata.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.spec.Adadelta;
import dev.strata.spec.Adafactor;
import dev.strata.spec.Adagrad;
import dev.strata.spec.Adamax;
import dev.strata.spec.Ftrl;
import dev.strata.spec.Lamb;
import dev.strata.spec.LearningRateSchedule;
import dev.strata.spec.Lion;
import dev.strata.spec.Nadam;
import dev.strata.spec.Optimizer;
import dev.strata.spec.OptimizerOptions;
import dev.strata.spec.RmsProp;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a {@code keras.optimizers.serialize} dict to the Strata optimizer with the same hyperparameters, by hand
 * and field by field: independent of Strata's JSON reader, so the golden tests check the update rules and the
 * round-trip tests can check the reader against this.
 */
final class GoldenOptimizers {
    private GoldenOptimizers() {
    }

    static Optimizer of(JsonNode serialized) {
        String cls = serialized.get("class_name").asText();
        JsonNode c = serialized.get("config");
        for (String unsupported : List.of("loss_scale_factor", "gradient_accumulation_steps")) {
            if (c.has(unsupported) && !c.get(unsupported).isNull()) {
                throw new IllegalArgumentException("no Strata mapping for " + unsupported + " in " + c);
            }
        }
        JsonNode lrNode = c.get("learning_rate");
        LearningRateSchedule schedule = lrNode.isObject() ? schedule(lrNode) : null;
        double lr = lrNode.isObject() ? 0.001 : lrNode.asDouble();
        OptimizerOptions options = new OptimizerOptions(schedule, number(c, "weight_decay", 0), nullable(c, "clipnorm"),
                nullable(c, "clipvalue"), nullable(c, "global_clipnorm"), c.path("use_ema").asBoolean(false),
                c.path("ema_momentum").asDouble(0.99),
                nullable(c, "ema_overwrite_frequency") == null ? null : c.get("ema_overwrite_frequency").asInt());
        double b1 = number(c, "beta_1", 0.9);
        double b2 = number(c, "beta_2", 0.999);
        double eps = number(c, "epsilon", 1e-7);
        return switch (cls) {
            case "SGD" -> new Optimizer.Sgd(lr, c.get("momentum").asDouble(), c.get("nesterov").asBoolean(), options);
            case "Adam", "AdamW" -> new Optimizer.Adam(lr, b1, b2, eps, c.get("amsgrad").asBoolean(), options);
            case "RMSprop" -> new RmsProp(lr, c.get("rho").asDouble(), c.get("momentum").asDouble(), eps,
                    c.get("centered").asBoolean(), options);
            case "Adagrad" -> new Adagrad(lr, c.get("initial_accumulator_value").asDouble(), eps, options);
            case "Adadelta" -> new Adadelta(lr, c.get("rho").asDouble(), eps, options);
            case "Adamax" -> new Adamax(lr, b1, b2, eps, options);
            case "Nadam" -> new Nadam(lr, b1, b2, eps, options);
            case "Lamb" -> new Lamb(lr, b1, b2, eps, options);
            case "Lion" -> new Lion(lr, b1, c.get("beta_2").asDouble(), options);
            case "Ftrl" -> new Ftrl(lr, c.get("learning_rate_power").asDouble(),
                    c.get("initial_accumulator_value").asDouble(), c.get("l1_regularization_strength").asDouble(),
                    c.get("l2_regularization_strength").asDouble(),
                    c.get("l2_shrinkage_regularization_strength").asDouble(), c.get("beta").asDouble(), options);
            case "Adafactor" -> new Adafactor(lr, c.get("beta_2_decay").asDouble(), c.get("epsilon_1").asDouble(),
                    c.get("epsilon_2").asDouble(), c.get("clip_threshold").asDouble(),
                    c.get("relative_step").asBoolean(), options);
            default -> throw new IllegalArgumentException("no Strata mapping for optimizer " + cls);
        };
    }

    static LearningRateSchedule schedule(JsonNode serialized) {
        String cls = serialized.get("class_name").asText();
        JsonNode c = serialized.get("config");
        String name = c.get("name").asText();
        double lr0 = number(c, "initial_learning_rate", Double.NaN);
        return switch (cls) {
            case "ExponentialDecay" -> new LearningRateSchedule.ExponentialDecay(lr0, c.get("decay_steps").asDouble(),
                    c.get("decay_rate").asDouble(), c.get("staircase").asBoolean(), name);
            case "PiecewiseConstantDecay" -> {
                List<Long> b = new ArrayList<>();
                c.get("boundaries").forEach(n -> b.add(n.asLong()));
                List<Double> v = new ArrayList<>();
                c.get("values").forEach(n -> v.add(n.asDouble()));
                yield new LearningRateSchedule.PiecewiseConstantDecay(b, v, name);
            }
            case "PolynomialDecay" -> new LearningRateSchedule.PolynomialDecay(lr0, c.get("decay_steps").asDouble(),
                    c.get("end_learning_rate").asDouble(), c.get("power").asDouble(), c.get("cycle").asBoolean(),
                    name);
            case "InverseTimeDecay" -> new LearningRateSchedule.InverseTimeDecay(lr0, c.get("decay_steps").asDouble(),
                    c.get("decay_rate").asDouble(), c.get("staircase").asBoolean(), name);
            case "CosineDecay" -> new LearningRateSchedule.CosineDecay(lr0, c.get("decay_steps").asDouble(),
                    c.get("alpha").asDouble(), c.get("warmup_target").isNull() ? null
                    : c.get("warmup_target").asDouble(), c.get("warmup_steps").asDouble(), name);
            case "CosineDecayRestarts" -> new LearningRateSchedule.CosineDecayRestarts(lr0,
                    c.get("first_decay_steps").asDouble(), c.get("t_mul").asDouble(), c.get("m_mul").asDouble(),
                    c.get("alpha").asDouble(), name);
            default -> throw new IllegalArgumentException("no Strata mapping for schedule " + cls);
        };
    }

    private static double number(JsonNode c, String key, double fallback) {
        return c.has(key) && !c.get(key).isNull() ? c.get(key).asDouble() : fallback;
    }

    private static Double nullable(JsonNode c, String key) {
        return c.has(key) && !c.get(key).isNull() ? c.get(key).asDouble() : null;
    }
}
