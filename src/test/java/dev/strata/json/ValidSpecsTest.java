package dev.strata.json;

import dev.strata.spec.Activation;
import dev.strata.spec.layers.ActivationLayer;
import dev.strata.spec.CustomRegularizer;
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
import dev.strata.spec.ModelPenalty;
import dev.strata.spec.Optimizer;
import dev.strata.spec.OrthogonalRegularizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorRef;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-written Keras specs of every dialect and regularizer form load into the expected spec values. */
class ValidSpecsTest {
    static final Path DIR = Path.of("src/test/resources/json/valid");

    @BeforeAll
    static void registerCustom() {
        CustomRegularizer.markRegistered("MyPackage>ScaledL2");
    }

    static ReadResult load(String name) throws IOException {
        return ModelJson.read(DIR.resolve(name));
    }

    static Sequential sequential(ReadResult r) {
        return assertInstanceOf(Sequential.class, r.spec());
    }

    @Test
    void keras3SequentialWithL2Kernel() throws IOException {
        ReadResult r = load("v01_keras3_sequential_l2.json");
        Sequential s = sequential(r);
        assertEquals("classifier", s.name());
        assertEquals(TensorShape.of(8), s.inputShape());
        Dense hidden = (Dense) s.layer("hidden");
        assertEquals(16, hidden.units());
        assertEquals(Activation.RELU, hidden.activation());
        assertEquals(new L2(0.01), hidden.kernelRegularizer());
        assertNull(hidden.biasRegularizer());
        Dense out = (Dense) s.layers().get(1);
        assertEquals("out", out.name());
        assertEquals(Activation.SIGMOID, out.activation());
        assertEquals(new Initializer.GlorotUniform(7L), out.kernelInitializer());
        assertNull(r.trainingConfig(), "an empty compile_config means not compiled");
        assertEquals(Dialect.KERAS3, r.dialect());
        assertEquals(List.of(), r.warnings());
        assertEquals(8 * 16 + 16 + 16 + 1, s.summary().totalParams());
    }

    @Test
    void keras3L1BiasOrthogonalKernelAndActivity() throws IOException {
        Sequential s = sequential(load("v02_keras3_l1_bias_orthogonal_activity.json"));
        Dense ortho = (Dense) s.layer("ortho");
        assertEquals(new OrthogonalRegularizer(0.02, OrthogonalRegularizer.Mode.COLUMNS), ortho.kernelRegularizer());
        assertEquals(new L1(0.009999999776482582), ortho.biasRegularizer(), "float32-rounded factors are kept exactly");
        assertEquals(new L2(0.001), ortho.activityRegularizer());
        assertEquals(Activation.LINEAR, ortho.activation());
        assertEquals(new L1L2(0.001, 0.002), ((Dense) s.layer("head")).kernelRegularizer());
        assertEquals(Activation.SOFTMAX, ((Dense) s.layer("head")).activation());
    }

    @Test
    void keras3BuildInputShapeAndStringForms() throws IOException {
        Sequential s = sequential(load("v03_keras3_build_shape_string_forms.json"));
        assertEquals(TensorShape.of(3), s.inputShape());
        Dense d = (Dense) s.layer("d");
        assertEquals(new L2(0.01), d.kernelRegularizer(), "'l2' means factor 0.01");
        assertEquals(new L1(0.01), d.biasRegularizer());
        assertEquals(Activation.TANH, d.activation(), "function-object activation");
        assertEquals(Initializer.heNormal(), d.kernelInitializer());
        assertEquals(Initializer.ones(), d.biasInitializer());
        Dense o = (Dense) s.layer("o");
        assertEquals(new OrthogonalRegularizer(0.01, OrthogonalRegularizer.Mode.ROWS), o.kernelRegularizer());
        assertEquals(Activation.SILU, o.activation(), "swish is silu");
    }

    @Test
    void keras2BareListWithShapeOnFirstLayer() throws IOException {
        ReadResult r = load("v04_keras2_list_config.json");
        Sequential s = sequential(r);
        assertEquals("sequential", s.name(), "the list form has no name; Keras's default is used");
        assertEquals(TensorShape.of(2, 10), s.inputShape());
        assertEquals(5, s.layers().size());
        Dense first = (Dense) s.layers().get(0);
        assertEquals(new L1L2(0.0, 0.009999999776482582), first.kernelRegularizer());
        assertEquals(new Initializer.VarianceScaling(1.0, Initializer.FanMode.FAN_AVG, Initializer.Distribution.UNIFORM,
                null), first.kernelInitializer());
        assertEquals(new ActivationLayer("activation_69", Activation.SOFTMAX), s.layers().get(1));
        assertEquals(new Dropout("dropout_34", 0.2, null, null), s.layers().get(2));
        assertEquals(Flatten.create().name("flatten_34"), s.layers().get(3));
        assertEquals(TensorShape.of(1), s.summary().outputShape());
        assertEquals(Dialect.KERAS2, r.dialect());
    }

    @Test
    void keras2InputLayerOldKwargSeedAndFrozenLayer() throws IOException {
        Sequential s = sequential(load("v05_keras2_inputlayer_old_kwarg.json"));
        assertEquals(TensorShape.of(12), s.inputShape());
        Dense dense = (Dense) s.layer("dense");
        assertEquals(new L2(0.05), dense.kernelRegularizer(), "Keras 2's old kwarg 'l'");
        assertEquals(new Dropout("dropout", 0.25, 42L, null), s.layer("dropout"));
        Dense last = (Dense) s.layer("dense_1");
        assertFalse(last.trainable());
        assertFalse(last.useBias());
        assertEquals(4, last.units());
    }

    @Test
    void keras2StringRegularizersWarnWhereKerasDiffers() throws IOException {
        ReadResult r = load("v06_keras2_string_regularizers.json");
        Dense a = (Dense) sequential(r).layer("a");
        assertEquals(new L1(0.01), a.kernelRegularizer());
        assertEquals(new L1L2(0.01, 0.01), a.biasRegularizer());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).startsWith("$.config.layers[0].config.bias_regularizer: 'l1_l2'"),
                r.warnings().get(0));
    }

    @Test
    void l1l2StringIsAZeroPenaltyWithAWarning() throws IOException {
        ReadResult r = load("v07_keras2_l1l2_string_is_zero.json");
        Dense d = (Dense) sequential(r).layer("d");
        assertEquals(new L1L2(0, 0), d.kernelRegularizer());
        assertTrue(d.kernelRegularizer().isZero());
        assertEquals(2, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("fixed batch size"), r.warnings().toString());
        assertTrue(r.warnings().get(1).startsWith("$.config.layers[1].config.kernel_regularizer: 'l1l2' is "
                + "L1L2(l1=0, l2=0) in Keras 3, a penalty of zero"), r.warnings().get(1));
    }

    @Test
    void keras1FieldNamesAndWeightRegularizer() throws IOException {
        Sequential s = sequential(load("v08_keras1_weight_regularizer.json"));
        assertEquals(TensorShape.of(4), s.inputShape());
        Dense d1 = (Dense) s.layer("dense_1");
        assertEquals(3, d1.units(), "output_dim");
        assertEquals(new L1L2(0.0, 0.10000000149011612), d1.kernelRegularizer(), "W_regularizer");
        assertEquals(new L1L2(0.02, 0.0), d1.biasRegularizer(), "b_regularizer");
        assertEquals(new L1L2(0.0, 0.001), d1.activityRegularizer());
        assertEquals(new Initializer.RandomUniform(-0.05, 0.05, null), d1.kernelInitializer(), "Keras 1 'uniform'");
        assertEquals(Activation.TANH, d1.activation());
        assertEquals(0.2, ((Dropout) s.layer("dropout_1")).rate(), "Keras 1 'p'");
        assertEquals(2, ((Dense) s.layer("dense_2")).units());
    }

    @Test
    void keras2FunctionalNestedLists() throws IOException {
        Functional f = assertInstanceOf(Functional.class, load("v09_keras2_functional.json").spec());
        assertEquals("model_1", f.name());
        assertEquals(1, f.inputs().size());
        assertEquals("input_1", f.inputs().get(0).name());
        assertEquals(TensorShape.of(16), f.inputs().get(0).shape());
        assertEquals(List.of(TensorRef.of("output_softmax")), f.outputs());
        assertEquals(List.of(List.of(TensorRef.of("input_1"))), f.nodes().get(0).calls());
        assertEquals(List.of(List.of(TensorRef.of("drop"))), f.nodes().get(2).calls());
        Dense fc1 = (Dense) f.layer("fc1");
        assertEquals(new L1L2(0.009999999776482582, 0.0), fc1.kernelRegularizer());
        Sequential chain = f.toSequential();
        assertEquals(List.of("fc1", "drop", "output_softmax"), chain.layers().stream().map(l -> l.name()).toList());
        assertEquals(16 * 20 + 20 + 20 * 5 + 5, f.summary().totalParams());
    }

    /** A layer called on its own output: one set of weights, two calls, the output is the second call's. */
    @Test
    void keras2SharedLayerAppliedTwice() throws IOException {
        Functional f = assertInstanceOf(Functional.class, load("v18_keras2_shared_layer_applied_twice.json").spec());
        assertEquals(List.of(List.of(TensorRef.of("in")), List.of(TensorRef.of("d"))), f.nodes().get(0).calls());
        assertEquals(List.of(new TensorRef("d", 1, 0)), f.outputs());
        assertEquals(4 * 4 + 4, f.summary().totalParams());
        assertEquals(2, f.summary().calls().size());
        assertEquals(f, ModelJson.read(ModelJson.write(f)).spec());
        assertEquals(f, ModelJson.read(ModelJson.write(f, Dialect.KERAS2)).spec());
    }

    @Test
    void keras3FunctionalFlatInputLayersAndTrainingKwarg() throws IOException {
        Functional f = assertInstanceOf(Functional.class, load("v10_keras3_functional_flat.json").spec());
        assertEquals(List.of(TensorRef.of("logits")), f.outputs());
        assertEquals("features", f.inputs().get(0).name());
        Dense hidden = (Dense) f.layer("hidden");
        assertEquals(new Initializer.HeUniform(3L), hidden.kernelInitializer());
        assertEquals(new L2(0.0005), hidden.kernelRegularizer());
        assertEquals(0.5, ((Dropout) f.layer("dropout")).rate());
        assertEquals(TensorShape.of(3), f.summary().outputShape());
    }

    @Test
    void keras3FunctionalListedOutOfOrder() throws IOException {
        Functional f = assertInstanceOf(Functional.class, load("v11_keras3_functional_out_of_order.json").spec());
        Sequential chain = f.toSequential();
        assertEquals(TensorShape.of(3, 4), chain.inputShape());
        assertEquals(List.of("flat", "proj", "act"), chain.layers().stream().map(l -> l.name()).toList());
        assertEquals(TensorShape.of(2), chain.summary().outputShape());
        assertEquals(12 * 2 + 2, f.summary().totalParams());
    }

    @Test
    void tensorflowJsModelJsonWithTrainingConfig() throws IOException {
        ReadResult r = load("v12_tfjs_model_json.json");
        Sequential s = sequential(r);
        assertEquals(TensorShape.of(8), s.inputShape());
        Dense d1 = (Dense) s.layer("dense_Dense1");
        assertEquals(new Initializer.VarianceScaling(1.0, Initializer.FanMode.FAN_AVG,
                Initializer.Distribution.TRUNCATED_NORMAL, null), d1.kernelInitializer(), "TF.js 'normal' is truncated");
        TrainingConfig tc = r.trainingConfig();
        assertEquals(new Optimizer.Adam(0.01, 0.8, 0.99, 1e-7, 0), tc.optimizer());
        assertEquals(Loss.meanSquaredError(), tc.loss(), "TF.js camelCase loss name");
        assertEquals(List.of(Metric.MEAN_ABSOLUTE_ERROR), tc.metrics());
    }

    @Test
    void keras3CompileConfigWithObjects() throws IOException {
        TrainingConfig tc = load("v13_keras3_compile_config_objects.json").trainingConfig();
        assertEquals(new Optimizer.Adam(0.0020000000949949026, 0.85, 0.995, 1e-8, 0.01), tc.optimizer());
        assertEquals("AdamW", tc.optimizer().kerasClassName());
        assertEquals(new Loss.CategoricalCrossentropy(true, 0.1), tc.loss());
        assertEquals(List.of(Metric.CATEGORICAL_ACCURACY, Metric.MEAN_ABSOLUTE_ERROR), tc.metrics());
    }

    @Test
    void keras2TrainingConfigWithLegacyNames() throws IOException {
        ReadResult r = load("v14_keras2_training_config_sgd.json");
        assertEquals(new Optimizer.Sgd(0.05, 0.9, true, 0), r.trainingConfig().optimizer(), "'lr' is the old name");
        assertEquals(Loss.meanSquaredError(), r.trainingConfig().loss());
        assertEquals(List.of(Metric.MEAN_ABSOLUTE_ERROR), r.trainingConfig().metrics());
        Dense d1 = (Dense) sequential(r).layer("d1");
        assertEquals(new Initializer.RandomNormal(0.0, 0.02, 11L), d1.kernelInitializer());
        assertEquals(Activation.ELU, d1.activation());
    }

    @Test
    void registeredCustomRegularizerInBothForms() throws IOException {
        Sequential s = sequential(load("v15_custom_regularizer.json"));
        assertEquals(new CustomRegularizer("MyPackage>ScaledL2", Map.of("factor", 0.5, "power", 2.0)),
                ((Dense) s.layer("k3_form")).kernelRegularizer());
        assertEquals(new CustomRegularizer("MyPackage>ScaledL2", Map.of("factor", 0.25)),
                ((Dense) s.layer("k2_form")).kernelRegularizer());
    }

    @Test
    void strataPenaltiesAreReadBack() throws IOException {
        Sequential s = sequential(load("v16_strata_penalties.json"));
        assertEquals(List.of(ModelPenalty.of(new L2(0.0001)).withoutBiases(), ModelPenalty.of(new L1(0.01))),
                s.penalties());
    }

    @Test
    void everyInitializerKindAndFlatten() throws IOException {
        Sequential s = sequential(load("v17_keras2_initializers.json"));
        assertEquals(TensorShape.of(2, 3), s.inputShape());
        Dense a = (Dense) s.layer("a");
        assertEquals(new Initializer.TruncatedNormal(0.1, 0.2, 5L), a.kernelInitializer());
        assertEquals(Initializer.constant(0.5), a.biasInitializer());
        Dense b = (Dense) s.layer("b");
        assertEquals(new Initializer.RandomUniform(-0.1, 0.1, null), b.kernelInitializer());
        assertEquals(Initializer.ones(), b.biasInitializer());
        Dense c = (Dense) s.layer("c");
        assertEquals(new Initializer.VarianceScaling(2.0, Initializer.FanMode.FAN_OUT,
                Initializer.Distribution.UNTRUNCATED_NORMAL, 9L), c.kernelInitializer());
        assertEquals(Initializer.lecunNormal(), c.biasInitializer());
        assertEquals(6 * 4 + 4, s.summary().layers().get(1).paramCount(), "Flatten gives 6 features");
    }
}
