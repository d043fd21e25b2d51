package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Optimizer;

import java.util.Locale;

/**
 * SGD, Adam and AdamW configs as Keras 3, tf.keras 2 ({@code lr}, {@code decay}) and TensorFlow.js
 * ({@code beta1}) write them. Settings Strata does not implement (clipping, EMA, amsgrad, schedules, legacy
 * decay) are refused when they would change training.
 */
final class OptimizerJson {
    private OptimizerJson() {
    }

    static Optimizer read(ReadContext ctx, JsonNode v, JsonPath path) {
        if (v == null || v.isNull()) {
            throw ctx.invalid(path, "is required: the optimizer to train with");
        }
        if (v.isTextual()) {
            return switch (v.asText().toLowerCase(Locale.ROOT)) {
                case "sgd" -> Optimizer.sgd();
                case "adam" -> Optimizer.adam();
                case "adamw" -> Optimizer.adamW(0.001);
                default -> throw unsupported(ctx, path, v.asText());
            };
        }
        KerasObject o = KerasObject.of(ctx, v, path, "an optimizer");
        String cls = o.className();
        if (!o.isBuiltin() || !(cls.equals("SGD") || cls.equals("Adam") || cls.equals("AdamW"))) {
            throw unsupported(ctx, path, o.registeredName() != null ? o.registeredName() : cls);
        }
        Fields c = o.configFields(ctx, cls + " config");
        c.string("name", null);
        double lr = learningRate(ctx, c, cls.equals("SGD") ? 0.01 : 0.001);
        double wd = c.number("weight_decay", cls.equals("AdamW") ? 0.004 : 0.0);
        for (String key : new String[] {"clipnorm", "clipvalue", "global_clipnorm", "loss_scale_factor",
                "gradient_accumulation_steps"}) {
            c.requireNull(key, null);
        }
        if (c.bool("use_ema", false)) {
            throw ctx.unsupported(c.at("use_ema"), "use_ema=true is not supported", "use_ema");
        }
        if (c.number("decay", 0.0) != 0.0) {
            throw ctx.unsupported(c.at("decay"), "the legacy learning-rate decay is not supported", "decay");
        }
        c.ignore("ema_momentum", "ema_overwrite_frequency", "jit_compile", "is_legacy_optimizer");
        Optimizer opt;
        try {
            if (cls.equals("SGD")) {
                opt = new Optimizer.Sgd(lr, c.number("momentum", 0.0), c.bool("nesterov", false), wd);
            } else {
                if (c.bool("amsgrad", false)) {
                    throw ctx.unsupported(c.at("amsgrad"), "amsgrad=true is not supported", "amsgrad");
                }
                double beta1 = c.has("beta_1") || !c.has("beta1") ? c.number("beta_1", 0.9) : c.number("beta1", 0.9);
                double beta2 = c.has("beta_2") || !c.has("beta2") ? c.number("beta_2", 0.999) : c.number("beta2", 0.999);
                opt = new Optimizer.Adam(lr, beta1, beta2, c.number("epsilon", 1e-7), wd);
            }
        } catch (InvalidSpecException e) {
            throw SpecErrors.atField(ctx, e, o.configPath());
        }
        c.rejectUnknown(cls + " config");
        return opt;
    }

    private static double learningRate(ReadContext ctx, Fields c, double fallback) {
        String key = c.contains("learning_rate") || !c.contains("lr") ? "learning_rate" : "lr";
        JsonNode v = c.get(key);
        if (v != null && v.isObject()) {
            throw ctx.unsupported(c.at(key), "learning-rate schedules are not supported; give a number",
                    "learning rate schedule");
        }
        return c.number(key, fallback);
    }

    private static JsonSpecException unsupported(ReadContext ctx, JsonPath path, String name) {
        return ctx.unsupported(path, "optimizer " + name + " is not supported; supported: SGD, Adam, AdamW", name);
    }

    static ObjectNode write(Optimizer opt, Dialect dialect) {
        String cls = opt.kerasClassName();
        ObjectNode c = Json.object();
        if (dialect == Dialect.KERAS3) {
            c.put("name", cls.toLowerCase(Locale.ROOT));
            c.put("learning_rate", opt.learningRate());
            if (opt.weightDecay() > 0) {
                c.put("weight_decay", opt.weightDecay());
            } else {
                c.putNull("weight_decay");
            }
            c.putNull("clipnorm").putNull("global_clipnorm").putNull("clipvalue").put("use_ema", false)
                    .put("ema_momentum", 0.99).putNull("ema_overwrite_frequency").putNull("loss_scale_factor")
                    .putNull("gradient_accumulation_steps");
        } else {
            c.put("name", cls);
            c.put("learning_rate", opt.learningRate());
            if (opt.weightDecay() > 0) {
                c.put("weight_decay", opt.weightDecay());
            }
            c.put("decay", 0.0);
        }
        if (opt instanceof Optimizer.Sgd sgd) {
            c.put("momentum", sgd.momentum()).put("nesterov", sgd.nesterov());
        } else {
            Optimizer.Adam adam = (Optimizer.Adam) opt;
            c.put("beta_1", adam.beta1()).put("beta_2", adam.beta2()).put("epsilon", adam.epsilon()).put("amsgrad", false);
        }
        return Json.kerasObject(dialect, "keras.optimizers", cls, c);
    }
}
