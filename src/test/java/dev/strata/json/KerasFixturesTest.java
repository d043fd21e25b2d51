package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.Activation;
import dev.strata.spec.layers.ActivationLayer;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Dropout;
import dev.strata.spec.layers.Flatten;
import dev.strata.spec.Functional;
import dev.strata.spec.Initializer;
import dev.strata.spec.L1;
import dev.strata.spec.L1L2;
import dev.strata.spec.L2;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.Optimizer;
import dev.strata.spec.OrthogonalRegularizer;
import dev.strata.spec.Regularizers;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Model JSON written by real Keras 3 (tools/keras-golden/generate.py): each file reads into the spec the
 * script built, and Strata's Keras 3 output equals Keras's own, field for field and in Keras's key order,
 * once the fields Keras 3.16 adds with their default values are set aside.
 */
class KerasFixturesTest {
    static final Path DIR = Path.of("src/test/resources/golden/json");
    static final ObjectMapper MAPPER = new ObjectMapper();

    static final Map<String, ModelSpec> EXPECTED = Map.of(
            "a_mlp_784_64_10_l2", Sequential.named("mlp").input(784)
                    .add(Dense.units(64).activation(Activation.RELU).kernelRegularizer(new L2(0.01)))
                    .add(Dense.units(10).activation(Activation.SOFTMAX)),
            "b_dense_l1_kernel_l2_bias", Sequential.named("l1_l2_model").input(5)
                    .add(Dense.units(4).name("dense").kernelRegularizer(new L1((double) 0.01f))
                            .biasRegularizer(new L2(0.02))),
            "c_l1l2_activity", Sequential.named("l1l2_activity_model").input(6)
                    .add(Dense.units(4).name("dense").activation(Activation.TANH)
                            .kernelRegularizer(new L1L2(0.01, 0.02)).activityRegularizer(new L2(0.001)))
                    .add(Dense.units(2).name("dense_1").kernelRegularizer(new L1L2(0, 0.03))),
            "d_dropout_flatten_activation", Sequential.named("dropout_model").input(4, 5)
                    .add(Flatten.create()).add(Dense.units(16)).add(ActivationLayer.of(Activation.RELU))
                    .add(Dropout.rate(0.5).seed(7)).add(Dense.units(3)).add(ActivationLayer.of(Activation.SOFTMAX)),
            "e_functional", Functional.named("functional_mlp").input("features", 4)
                    .add(Dense.units(8).name("hidden").activation(Activation.RELU).kernelRegularizer(new L2(0.01)),
                            "features")
                    .add(Dense.units(2).name("out").activation(Activation.SOFTMAX), "hidden")
                    .outputs("out"),
            "f_string_l2_and_orthogonal", Sequential.named("string_orthogonal_model").input(6)
                    .add(Dense.units(4).kernelRegularizer(Regularizers.l2()))
                    .add(Dense.units(3).kernelRegularizer(
                            new OrthogonalRegularizer((double) 0.01f, OrthogonalRegularizer.Mode.ROWS)))
                    .add(Dense.units(2).kernelRegularizer(
                            new OrthogonalRegularizer((double) 0.1f, OrthogonalRegularizer.Mode.COLUMNS))),
            "g_initializers", initializerModel());

    static Sequential initializerModel() {
        List<Map.Entry<String, Initializer>> inits = List.of(
                Map.entry("glorot_uniform_seed1", new Initializer.GlorotUniform(1L)),
                Map.entry("glorot_normal", Initializer.glorotNormal()),
                Map.entry("he_normal", Initializer.heNormal()),
                Map.entry("he_uniform", Initializer.heUniform()),
                Map.entry("lecun_normal", Initializer.lecunNormal()),
                Map.entry("lecun_uniform", Initializer.lecunUniform()),
                Map.entry("zeros", Initializer.zeros()),
                Map.entry("ones", Initializer.ones()),
                Map.entry("constant_0_5", Initializer.constant(0.5)),
                Map.entry("random_normal", new Initializer.RandomNormal(0, 0.05, null)),
                Map.entry("random_uniform", new Initializer.RandomUniform(-0.05, 0.05, null)),
                Map.entry("truncated_normal", new Initializer.TruncatedNormal(0, 0.05, null)),
                Map.entry("variance_scaling", new Initializer.VarianceScaling(1.0, Initializer.FanMode.FAN_IN,
                        Initializer.Distribution.TRUNCATED_NORMAL, null)),
                Map.entry("variance_scaling_custom", new Initializer.VarianceScaling(2.0, Initializer.FanMode.FAN_OUT,
                        Initializer.Distribution.UNIFORM, 3L)),
                Map.entry("random_normal_custom", new Initializer.RandomNormal(0.1, 0.2, 5L)));
        Sequential s = Sequential.named("initializer_model").input(4);
        for (Map.Entry<String, Initializer> e : inits) {
            s = s.add(Dense.units(4).name(e.getKey()).kernelInitializer(e.getValue()));
        }
        return s;
    }

    static Path fixture(String name) {
        Path p = DIR.resolve(name);
        assertTrue(Files.exists(p), "Keras fixture missing: " + p);
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"a_mlp_784_64_10_l2", "b_dense_l1_kernel_l2_bias", "c_l1l2_activity",
            "d_dropout_flatten_activation", "e_functional", "f_string_l2_and_orthogonal", "g_initializers"})
    void kerasModelJsonReadsIntoTheSpecKerasBuilt(String name) throws IOException {
        for (String file : new String[] {name + ".json", name + ".raw.json"}) {
            ReadResult r = ModelJson.read(fixture(file));
            assertEquals(EXPECTED.get(name), r.spec(), file);
            assertEquals(List.of(), r.warnings(), file);
            assertNull(r.trainingConfig(), "Keras writes an empty compile_config for an uncompiled model");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a_mlp_784_64_10_l2", "b_dense_l1_kernel_l2_bias", "c_l1l2_activity",
            "d_dropout_flatten_activation", "e_functional", "f_string_l2_and_orthogonal", "g_initializers",
            "h_compiled_saved_config", "h_compiled_saved_config_sgd"})
    void strataWritesWhatKerasWrites(String name) throws IOException {
        JsonNode keras = MAPPER.readTree(fixture(name + ".json").toFile());
        ReadResult r = ModelJson.read(fixture(name + ".json"));
        JsonNode ours = MAPPER.readTree(ModelJson.write(r.spec(), r.trainingConfig(), Dialect.KERAS3));
        withoutDefaultsStrataOmits(keras);
        ((ObjectNode) ours).remove("strata_format");
        assertEquals(keras, ours, name);
        assertEquals(fieldOrder(keras), fieldOrder(ours), name + ": key order");
    }

    /** Fields Keras 3.16 writes that Strata leaves out so older Keras 3 releases can still read its files. */
    static void withoutDefaultsStrataOmits(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            for (String key : new String[] {"input_axes", "output_axes", "quantization_config"}) {
                if (o.has(key) && o.get(key).isNull()) {
                    o.remove(key);
                }
            }
            for (String key : new String[] {"ragged", "optional"}) {
                if (o.has(key) && o.get(key).isBoolean() && !o.get(key).booleanValue()) {
                    o.remove(key);
                }
            }
            o.remove("shared_object_id");
            // Keras keeps the loss name as typed; Strata writes the canonical name of the same function.
            if (o.path("loss").isTextual() && Map.of("mse", 1, "mae", 1).containsKey(o.get("loss").asText())) {
                o.put("loss", o.get("loss").asText().equals("mse") ? "mean_squared_error" : "mean_absolute_error");
            }
            o.remove("_zip_members"); // added by the fixture script, not by Keras
            if (o.has("compile_config") && o.get("compile_config").isEmpty()) {
                o.remove("compile_config");
            }
        }
        node.forEach(KerasFixturesTest::withoutDefaultsStrataOmits);
    }

    static List<String> fieldOrder(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, "$", out);
        return out;
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                out.add(path + "." + k);
                collect(node.get(k), path + "." + k, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", out);
            }
        }
    }

    @Test
    void compiledDotKerasConfigCarriesItsTrainingConfig() throws IOException {
        ReadResult adam = ModelJson.read(fixture("h_compiled_saved_config.json"));
        assertEquals(TrainingConfig.of(new Optimizer.Adam((double) 0.001f, 0.9, 0.999, 1e-7, 0),
                Loss.categoricalCrossentropy(), Metric.ACCURACY), adam.trainingConfig());
        assertEquals(1, adam.warnings().size(), "the fixture script's own _zip_members key is reported");
        ReadResult sgd = ModelJson.read(fixture("h_compiled_saved_config_sgd.json"));
        assertEquals(TrainingConfig.of(new Optimizer.Sgd((double) 0.05f, 0.9, false, 0), Loss.meanSquaredError(),
                Metric.MEAN_ABSOLUTE_ERROR), sgd.trainingConfig());
    }

    @Test
    void everyKerasInitializerSerializationReads() throws IOException {
        JsonNode all = MAPPER.readTree(fixture("g_initializers_serialized.json").toFile());
        ReadContext ctx = new ReadContext(new JsonParsing(ReaderLimits.defaults()), all.toString(), null,
                ReaderLimits.defaults());
        Map<String, Initializer> expected = Map.of(
                "string:glorot_uniform", Initializer.glorotUniform(),
                "string:he_uniform", Initializer.heUniform(),
                "string:random_uniform", new Initializer.RandomUniform(-0.05, 0.05, null),
                "random_normal_custom", new Initializer.RandomNormal(0.1, 0.2, 5L),
                "constant_0_5", Initializer.constant(0.5),
                "string:orthogonal", Initializer.orthogonal());
        int read = 0;
        for (Iterator<String> it = all.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            JsonPath path = JsonPath.ROOT.key(key);
            Initializer init = InitializerJson.read(ctx, all.get(key), path, null);
            if (expected.containsKey(key)) {
                assertEquals(expected.get(key), init, key);
            }
            read++;
        }
        assertEquals(27, read);
        assertTrue(all.size() == 27);
    }
}
