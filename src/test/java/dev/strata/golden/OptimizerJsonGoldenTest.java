package dev.strata.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.json.Dialect;
import dev.strata.json.JsonSpecException;
import dev.strata.json.ModelJson;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Dense;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Optimizers through Keras JSON: every optimizer Keras 3.15.1 serialized for the golden fixtures (each class, its
 * options, clipping, EMA, every schedule) reads, inside a {@code compile_config}, as the optimizer the golden tests
 * map it to by hand; Strata writes each in the Keras 3 ({@code compile_config}) and Keras 2
 * ({@code training_config}) dialects and reads it back unchanged. The Keras 3 files Strata writes are kept in
 * {@code strata_written_optimizers.json}, which {@code tools/keras-golden/check_strata_output.py} has Keras read
 * back (regenerate with {@code -Dstrata.updateGolden=true} and rerun the script).
 */
class OptimizerJsonGoldenTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path WRITTEN = Path.of("src/test/resources/golden/strata_written_optimizers.json");
    private static final Sequential MODEL = Sequential.named("opt_model").input(4).add(Dense.units(3));

    /** Every serialized optimizer of the fixtures, by case name. */
    static Map<String, JsonNode> kerasOptimizers() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String file : List.of(OptimizersAllGoldenTest.FIXTURE, OptimizersAllGoldenTest.OPTIONS_FIXTURE)) {
            for (JsonNode c : Golden.load(file).get("cases")) {
                out.put(c.get("name").asText(), c.get("optimizer"));
            }
        }
        int i = 0;
        for (JsonNode c : Golden.load("schedules.json").get("cases")) {
            ObjectNode sgd = MAPPER.createObjectNode().put("module", "keras.optimizers").put("class_name", "SGD");
            sgd.putObject("config").put("learning_rate", 0.0).put("momentum", 0.0).put("nesterov", false)
                    .set("learning_rate", c.get("schedule"));
            out.put("SGD(schedule " + i++ + ")", sgd);
        }
        return out;
    }

    /** A Keras 3 model file whose compile_config holds {@code optimizer}. */
    private static String withOptimizer(JsonNode optimizer) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(ModelJson.write(MODEL,
                    TrainingConfig.of(Optimizer.sgd(), Loss.meanSquaredError()), Dialect.KERAS3));
            ((ObjectNode) root.get("compile_config")).set("optimizer", optimizer);
            return MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optimizer read(JsonNode optimizer) {
        return ModelJson.read(withOptimizer(optimizer)).trainingConfig().optimizer();
    }

    @Test
    void everyKerasOptimizerReadsAsItsHandMapping() {
        Map<String, JsonNode> all = kerasOptimizers();
        assertTrue(all.size() >= 80, "cases: " + all.size());
        all.forEach((name, serialized) -> assertEquals(GoldenOptimizers.of(serialized), read(serialized), name));
    }

    @Test
    void strataWritesEachInBothDialectsAndReadsItBack() throws IOException {
        ArrayNode written = MAPPER.createArrayNode();
        for (Map.Entry<String, JsonNode> e : kerasOptimizers().entrySet()) {
            Optimizer opt = GoldenOptimizers.of(e.getValue());
            TrainingConfig config = TrainingConfig.of(opt, Loss.meanSquaredError());
            for (Dialect dialect : Dialect.values()) {
                String json = ModelJson.write(MODEL, config, dialect);
                TrainingConfig back = ModelJson.read(json).trainingConfig();
                assertEquals(config, back, e.getKey() + " in " + dialect);
                assertEquals(json, ModelJson.write(MODEL, back, dialect), "write(read(x)) for " + e.getKey());
                if (dialect == Dialect.KERAS3) {
                    ObjectNode entry = written.addObject().put("name", e.getKey());
                    entry.set("compile_config", MAPPER.readTree(json).get("compile_config"));
                }
            }
        }
        // One entry per line: small, and a change shows as the entries it touches.
        List<String> lines = new ArrayList<>();
        for (JsonNode entry : written) {
            lines.add(MAPPER.writeValueAsString(entry));
        }
        String text = "[\n" + String.join(",\n", lines) + "\n]\n";
        if (Boolean.getBoolean("strata.updateGolden")) {
            Files.writeString(WRITTEN, text, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(WRITTEN, StandardCharsets.UTF_8), text,
                "Strata's Keras 3 optimizers changed: rerun with -Dstrata.updateGolden=true, then have Keras read them "
                        + "(tools/keras-golden/check_strata_output.py)");
    }

    /** Strata's factory defaults are Keras's {@code get_config()} of each class built without arguments. */
    @Test
    void defaultsAreKerasDefaults() {
        JsonNode defaults = Golden.load(OptimizersAllGoldenTest.FIXTURE).get("defaults");
        Map<String, Optimizer> strata = new LinkedHashMap<>();
        strata.put("SGD", Optimizer.sgd());
        strata.put("RMSprop", Optimizer.rmsprop());
        strata.put("Adagrad", Optimizer.adagrad());
        strata.put("Adadelta", Optimizer.adadelta());
        strata.put("Adam", Optimizer.adam());
        strata.put("AdamW", Optimizer.adamW(0.001));
        strata.put("Adamax", Optimizer.adamax());
        strata.put("Nadam", Optimizer.nadam());
        strata.put("Ftrl", Optimizer.ftrl());
        strata.put("Lion", Optimizer.lion());
        strata.put("Adafactor", Optimizer.adafactor());
        strata.put("Lamb", Optimizer.lamb());
        List<String> classes = new ArrayList<>();
        for (Iterator<String> it = defaults.fieldNames(); it.hasNext(); ) {
            String cls = it.next();
            classes.add(cls);
            ObjectNode ser = MAPPER.createObjectNode().put("class_name", cls);
            ser.set("config", defaults.get(cls));
            Optimizer keras = GoldenOptimizers.of(ser);
            // Keras stores the learning rate in a float32 variable: compare it as float32.
            assertEquals((float) keras.learningRate(), (float) strata.get(cls).learningRate(), cls);
            assertEquals(keras.learningRate(strata.get(cls).learningRate()), strata.get(cls), cls);
            assertEquals(cls, strata.get(cls).kerasClassName());
        }
        assertEquals(strata.keySet().stream().sorted().toList(), classes.stream().sorted().toList());
    }

    @Test
    void kerasTwoFormsRead() {
        // tf.keras 2 (legacy) RMSprop and a schedule without "module".
        JsonNode rms = tree("{\"class_name\": \"RMSprop\", \"config\": {\"name\": \"RMSprop\", \"lr\": 0.01, "
                + "\"decay\": 0.0, \"rho\": 0.8, \"momentum\": 0.5, \"epsilon\": 1e-07, \"centered\": true, "
                + "\"clipnorm\": 1.0}}");
        assertEquals(Optimizer.rmsprop(0.01).rho(0.8).momentum(0.5).centered(true).clipnorm(1.0), read(rms));
        JsonNode schedule = tree("{\"class_name\": \"Adam\", \"config\": {\"learning_rate\": {\"class_name\": "
                + "\"InverseTimeDecay\", \"config\": {\"initial_learning_rate\": 0.1, \"decay_steps\": 10, "
                + "\"decay_rate\": 0.5}}}}");
        assertEquals(Optimizer.adam().learningRate(dev.strata.spec.LearningRateSchedule.inverseTimeDecay(0.1, 10,
                0.5)), read(schedule));
        assertEquals(Optimizer.lamb(), read(tree("\"lamb\"")), "Keras's string identifiers");
        assertEquals(Optimizer.rmsprop(), read(tree("{\"class_name\": \"rmsprop\", \"config\": {}}")),
                "class names read case-insensitively, as Keras 3 deserializes them");
    }

    @Test
    void badOptimizerSettingsNameTheirPlace() {
        JsonSpecException two = assertThrows(JsonSpecException.class, () -> read(tree("{\"class_name\": \"SGD\", "
                + "\"config\": {\"clipnorm\": 1.0, \"clipvalue\": 0.5}}")));
        assertTrue(two.getMessage().contains("$.compile_config.optimizer.config.clipnorm"), two.getMessage());
        assertTrue(two.getMessage().contains("Only one of `clipnorm`, `clipvalue` and `global_clipnorm`"),
                two.getMessage());
        JsonSpecException steps = assertThrows(JsonSpecException.class, () -> read(tree("{\"class_name\": "
                + "\"SGD\", \"config\": {\"learning_rate\": {\"class_name\": \"ExponentialDecay\", \"config\": "
                + "{\"initial_learning_rate\": 0.1, \"decay_steps\": 0, \"decay_rate\": 0.5}}}}")));
        assertTrue(steps.getMessage().contains("$.compile_config.optimizer.config.learning_rate.config.decay_steps"),
                steps.getMessage());
        JsonSpecException unknown = assertThrows(JsonSpecException.class, () -> read(tree("{\"class_name\": "
                + "\"SGD\", \"config\": {\"learning_rate\": {\"class_name\": \"MyWarmup\", \"config\": {}}}}")));
        assertEquals("MyWarmup", unknown.feature());
        JsonSpecException nadam = assertThrows(JsonSpecException.class, () -> read(tree("{\"class_name\": "
                + "\"Nadam\", \"config\": {\"schedule_decay\": 0.004}}")));
        assertEquals("schedule_decay", nadam.feature());
        JsonSpecException ema = assertThrows(JsonSpecException.class, () -> read(tree("{\"class_name\": "
                + "\"Adam\", \"config\": {\"use_ema\": true, \"ema_momentum\": 1.5}}")));
        assertTrue(ema.getMessage().contains("config.ema_momentum"), ema.getMessage());
        JsonSpecException muon = assertThrows(JsonSpecException.class, () -> read(tree("\"muon\"")));
        assertEquals("muon", muon.feature());
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
