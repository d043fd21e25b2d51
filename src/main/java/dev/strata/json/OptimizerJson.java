package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.Adadelta;
import dev.strata.spec.Adafactor;
import dev.strata.spec.Adagrad;
import dev.strata.spec.Adamax;
import dev.strata.spec.Ftrl;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Lamb;
import dev.strata.spec.LearningRateSchedule;
import dev.strata.spec.Lion;
import dev.strata.spec.Nadam;
import dev.strata.spec.Optimizer;
import dev.strata.spec.OptimizerOptions;
import dev.strata.spec.RmsProp;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every Keras 3 optimizer's config as Keras 3, tf.keras 2 ({@code lr}, {@code decay}) and TensorFlow.js
 * ({@code beta1}) write it, the class name read case-insensitively as Keras 3 reads it, with the shared settings
 * (schedule, weight decay, clipping, EMA). Settings Strata does not implement (loss scaling, gradient
 * accumulation, the legacy {@code decay}, Keras 2 Nadam's {@code schedule_decay}) are refused when they would change
 * training. The hyperparameters keep Keras 3's meaning: a Keras 2 file's optimizer trains with Keras 3's rules.
 */
final class OptimizerJson {
    /** Keras 3's lower-case identifiers (what {@code keras.optimizers.get("rmsprop")} takes) to class names. */
    private static final Map<String, String> CLASSES = new LinkedHashMap<>();

    static {
        for (String cls : new String[] {"SGD", "Adam", "AdamW", "RMSprop", "Adagrad", "Adadelta", "Adamax", "Nadam",
                "Ftrl", "Lion", "Adafactor", "Lamb"}) {
            CLASSES.put(cls.toLowerCase(Locale.ROOT), cls);
        }
    }

    private OptimizerJson() {
    }

    static Optimizer read(ReadContext ctx, JsonNode v, JsonPath path) {
        if (v == null || v.isNull()) {
            throw ctx.invalid(path, "is required: the optimizer to train with");
        }
        if (v.isTextual()) {
            String cls = CLASSES.get(v.asText().toLowerCase(Locale.ROOT));
            if (cls == null) {
                throw unsupported(ctx, path, v.asText());
            }
            return defaults(cls);
        }
        KerasObject o = KerasObject.of(ctx, v, path, "an optimizer");
        String cls = CLASSES.get(o.className().toLowerCase(Locale.ROOT));
        if (!o.isBuiltin() || cls == null) {
            throw unsupported(ctx, path, o.registeredName() != null ? o.registeredName() : o.className());
        }
        Fields c = o.configFields(ctx, cls + " config");
        c.string("name", null);
        Optimizer opt;
        try {
            OptimizerOptions options = options(ctx, c, cls);
            opt = specific(c, cls, defaults(cls)).withOptions(options);
            if (options.schedule() == null) {
                opt = opt.learningRate(constantRate(c, defaults(cls).learningRate()));
            }
        } catch (InvalidSpecException e) {
            throw SpecErrors.atField(ctx, e, o.configPath());
        }
        c.rejectUnknown(cls + " config");
        return opt;
    }

    /** Keras's defaults for a class name of {@link #CLASSES}. */
    private static Optimizer defaults(String cls) {
        return switch (cls) {
            case "SGD" -> Optimizer.sgd();
            case "Adam" -> Optimizer.adam();
            case "AdamW" -> Optimizer.adamW(0.001);
            case "RMSprop" -> Optimizer.rmsprop();
            case "Adagrad" -> Optimizer.adagrad();
            case "Adadelta" -> Optimizer.adadelta();
            case "Adamax" -> Optimizer.adamax();
            case "Nadam" -> Optimizer.nadam();
            case "Ftrl" -> Optimizer.ftrl();
            case "Lion" -> Optimizer.lion();
            case "Adafactor" -> Optimizer.adafactor();
            default -> Optimizer.lamb();
        };
    }

    /** The class's own hyperparameters over its defaults {@code d}. */
    private static Optimizer specific(Fields c, String cls, Optimizer d) {
        return switch (cls) {
            case "SGD" -> new Optimizer.Sgd(d.learningRate(), c.number("momentum", 0.0), c.bool("nesterov", false),
                    null);
            case "Adam", "AdamW" -> new Optimizer.Adam(d.learningRate(), beta(c, 1, 0.9), beta(c, 2, 0.999),
                    c.number("epsilon", 1e-7), c.bool("amsgrad", false), null);
            case "RMSprop" -> new RmsProp(d.learningRate(), c.number("rho", 0.9), c.number("momentum", 0.0),
                    c.number("epsilon", 1e-7), c.bool("centered", false), null);
            case "Adagrad" -> new Adagrad(d.learningRate(), c.number("initial_accumulator_value", 0.1),
                    c.number("epsilon", 1e-7), null);
            case "Adadelta" -> new Adadelta(d.learningRate(), c.number("rho", 0.95), c.number("epsilon", 1e-7), null);
            case "Adamax" -> new Adamax(d.learningRate(), beta(c, 1, 0.9), beta(c, 2, 0.999),
                    c.number("epsilon", 1e-7), null);
            case "Nadam" -> {
                // Keras 2's Nadam took schedule_decay (0.004) into its momentum schedule; Keras 3's is fixed.
                c.requireNull("schedule_decay", "Keras 3's Nadam has a fixed momentum schedule, 0.96^t");
                yield new Nadam(d.learningRate(), beta(c, 1, 0.9), beta(c, 2, 0.999), c.number("epsilon", 1e-7),
                        null);
            }
            case "Ftrl" -> new Ftrl(d.learningRate(), c.number("learning_rate_power", -0.5),
                    c.number("initial_accumulator_value", 0.1), c.number("l1_regularization_strength", 0.0),
                    c.number("l2_regularization_strength", 0.0),
                    c.number("l2_shrinkage_regularization_strength", 0.0), c.number("beta", 0.0), null);
            case "Lion" -> new Lion(d.learningRate(), beta(c, 1, 0.9), beta(c, 2, 0.99), null);
            case "Adafactor" -> new Adafactor(d.learningRate(), c.number("beta_2_decay", -0.8),
                    c.number("epsilon_1", 1e-30), c.number("epsilon_2", 1e-3), c.number("clip_threshold", 1.0),
                    c.bool("relative_step", true), null);
            default -> new Lamb(d.learningRate(), beta(c, 1, 0.9), beta(c, 2, 0.999), c.number("epsilon", 1e-7),
                    null);
        };
    }

    /** {@code beta_1} (Keras) or {@code beta1} (TensorFlow.js). */
    private static double beta(Fields c, int k, double fallback) {
        String keras = "beta_" + k;
        return c.has(keras) || !c.has("beta" + k) ? c.number(keras, fallback) : c.number("beta" + k, fallback);
    }

    /** Schedule, weight decay, clipping and EMA; loss scaling, accumulation and legacy decay refused. */
    private static OptimizerOptions options(ReadContext ctx, Fields c, String cls) {
        for (String key : new String[] {"loss_scale_factor", "gradient_accumulation_steps"}) {
            c.requireNull(key, null);
        }
        if (c.number("decay", 0.0) != 0.0) {
            throw ctx.unsupported(c.at("decay"), "the legacy learning-rate decay is not supported; use a "
                    + "learning-rate schedule (InverseTimeDecay is Keras 2's decay)", "decay");
        }
        c.ignore("jit_compile", "is_legacy_optimizer");
        LearningRateSchedule schedule = null;
        String lrKey = lrKey(c);
        JsonNode lr = c.get(lrKey);
        if (lr != null && lr.isObject()) {
            schedule = ScheduleJson.read(ctx, lr, c.at(lrKey));
        }
        Double clipnorm = nullable(c, "clipnorm");
        Double clipvalue = nullable(c, "clipvalue");
        Double globalClipnorm = nullable(c, "global_clipnorm");
        return new OptimizerOptions(schedule, c.number("weight_decay", cls.equals("AdamW") ? 0.004 : 0.0), clipnorm,
                clipvalue, globalClipnorm, c.bool("use_ema", false), c.number("ema_momentum", 0.99),
                c.integer("ema_overwrite_frequency", null));
    }

    private static Double nullable(Fields c, String key) {
        JsonNode v = c.get(key);
        return v == null || v.isNull() ? null : c.number(key, 0);
    }

    private static String lrKey(Fields c) {
        return c.contains("learning_rate") || !c.contains("lr") ? "learning_rate" : "lr";
    }

    private static double constantRate(Fields c, double fallback) {
        return c.number(lrKey(c), fallback);
    }

    private static JsonSpecException unsupported(ReadContext ctx, JsonPath path, String name) {
        return ctx.unsupported(path, "optimizer " + name + " is not supported; supported: "
                + String.join(", ", CLASSES.values()), name);
    }

    static ObjectNode write(Optimizer opt, Dialect dialect) {
        String cls = opt.kerasClassName();
        OptimizerOptions o = opt.options();
        ObjectNode c = Json.object();
        c.put("name", dialect == Dialect.KERAS3 ? cls.toLowerCase(Locale.ROOT) : cls);
        if (o.schedule() != null) {
            c.set("learning_rate", ScheduleJson.write(o.schedule(), dialect));
        } else {
            c.put("learning_rate", opt.learningRate());
        }
        if (dialect == Dialect.KERAS3) {
            if (o.weightDecay() > 0) {
                c.put("weight_decay", o.weightDecay());
            } else {
                c.putNull("weight_decay");
            }
            put(c, "clipnorm", o.clipnorm());
            put(c, "global_clipnorm", o.globalClipnorm());
            put(c, "clipvalue", o.clipvalue());
            c.put("use_ema", o.useEma()).put("ema_momentum", o.emaMomentum());
            if (o.emaOverwriteFrequency() == null) {
                c.putNull("ema_overwrite_frequency");
            } else {
                c.put("ema_overwrite_frequency", o.emaOverwriteFrequency());
            }
            c.putNull("loss_scale_factor").putNull("gradient_accumulation_steps");
        } else {
            // tf.keras 2 writes the shared settings only when they are set.
            if (o.weightDecay() > 0) {
                c.put("weight_decay", o.weightDecay());
            }
            c.put("decay", 0.0);
            for (String key : new String[] {"clipnorm", "global_clipnorm", "clipvalue"}) {
                Double v = key.equals("clipnorm") ? o.clipnorm() : key.equals("clipvalue") ? o.clipvalue()
                        : o.globalClipnorm();
                if (v != null) {
                    c.put(key, v);
                }
            }
            if (o.useEma()) {
                c.put("use_ema", true).put("ema_momentum", o.emaMomentum());
                if (o.emaOverwriteFrequency() != null) {
                    c.put("ema_overwrite_frequency", o.emaOverwriteFrequency());
                }
            }
        }
        putSpecific(c, opt);
        return Json.kerasObject(dialect, "keras.optimizers", cls, c);
    }

    /** The class's own hyperparameters, in Keras's {@code get_config} order. */
    private static void putSpecific(ObjectNode c, Optimizer opt) {
        if (opt instanceof Optimizer.Sgd o) {
            c.put("momentum", o.momentum()).put("nesterov", o.nesterov());
        } else if (opt instanceof Optimizer.Adam o) {
            c.put("beta_1", o.beta1()).put("beta_2", o.beta2()).put("epsilon", o.epsilon()).put("amsgrad", o.amsgrad());
        } else if (opt instanceof RmsProp o) {
            c.put("rho", o.rho()).put("momentum", o.momentum()).put("epsilon", o.epsilon())
                    .put("centered", o.centered());
        } else if (opt instanceof Adagrad o) {
            c.put("initial_accumulator_value", o.initialAccumulatorValue()).put("epsilon", o.epsilon());
        } else if (opt instanceof Adadelta o) {
            c.put("rho", o.rho()).put("epsilon", o.epsilon());
        } else if (opt instanceof Adamax o) {
            c.put("beta_1", o.beta1()).put("beta_2", o.beta2()).put("epsilon", o.epsilon());
        } else if (opt instanceof Nadam o) {
            c.put("beta_1", o.beta1()).put("beta_2", o.beta2()).put("epsilon", o.epsilon());
        } else if (opt instanceof Lamb o) {
            c.put("beta_1", o.beta1()).put("beta_2", o.beta2()).put("epsilon", o.epsilon());
        } else if (opt instanceof Ftrl o) {
            c.put("learning_rate_power", o.learningRatePower())
                    .put("initial_accumulator_value", o.initialAccumulatorValue())
                    .put("l1_regularization_strength", o.l1RegularizationStrength())
                    .put("l2_regularization_strength", o.l2RegularizationStrength())
                    .put("l2_shrinkage_regularization_strength", o.l2ShrinkageRegularizationStrength())
                    .put("beta", o.beta());
        } else if (opt instanceof Lion o) {
            c.put("beta_1", o.beta1()).put("beta_2", o.beta2());
        } else {
            Adafactor o = (Adafactor) opt;
            c.put("beta_2_decay", o.beta2Decay()).put("epsilon_1", o.epsilon1()).put("epsilon_2", o.epsilon2())
                    .put("clip_threshold", o.clipThreshold()).put("relative_step", o.relativeStep());
        }
    }

    private static void put(ObjectNode c, String key, Double v) {
        if (v == null) {
            c.putNull(key);
        } else {
            c.put(key, v);
        }
    }
}
