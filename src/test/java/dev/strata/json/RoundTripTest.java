package dev.strata.json;

import dev.strata.spec.Activation;
import dev.strata.spec.layers.ActivationLayer;
import dev.strata.spec.CustomRegularizer;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Dropout;
import dev.strata.spec.layers.Flatten;
import dev.strata.spec.Functional;
import dev.strata.spec.Initializer;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.ModelPenalty;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.Optimizer;
import dev.strata.spec.OrthogonalRegularizer;
import dev.strata.spec.Regularizers;
import dev.strata.spec.Sequential;
import dev.strata.spec.SpecException;
import dev.strata.spec.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code read(write(spec)).equals(spec)} for fluent specs, and {@code write(read(x))} is a fixed point. */
class RoundTripTest {

    @BeforeAll
    static void registerCustom() {
        CustomRegularizer.markRegistered("MyPackage>ScaledL2");
    }

    /** Every activation the dialect can carry, once (each Keras version reads only its own hard_sigmoid). */
    static Sequential allActivations(Dialect dialect) {
        Sequential s = Sequential.named("activations").input(4);
        Activation otherHardSigmoid = dialect == Dialect.KERAS3 ? Activation.HARD_SIGMOID_KERAS2
                : Activation.HARD_SIGMOID;
        for (Activation a : Activation.values()) {
            if (a == otherHardSigmoid) {
                continue;
            }
            s = s.add(ActivationLayer.of(a));
        }
        return s;
    }

    /** Every initializer kind and seed form, on kernels and biases. */
    static Sequential allInitializers() {
        List<Initializer> inits = List.of(Initializer.glorotUniform(), new Initializer.GlorotUniform(1L),
                Initializer.glorotNormal(), Initializer.heNormal(), new Initializer.HeUniform(2L),
                Initializer.lecunNormal(), Initializer.lecunUniform(), Initializer.zeros(), Initializer.ones(),
                Initializer.constant(-0.25), new Initializer.RandomNormal(0.5, 0.1, 3L),
                new Initializer.RandomUniform(-1e-3, 2.5e-3, null), new Initializer.TruncatedNormal(0, 0.05, 4L),
                new Initializer.VarianceScaling(0.5, Initializer.FanMode.FAN_OUT,
                        Initializer.Distribution.UNTRUNCATED_NORMAL, 5L),
                new Initializer.VarianceScaling(3.0, Initializer.FanMode.FAN_AVG, Initializer.Distribution.UNIFORM,
                        null));
        Sequential s = Sequential.named("initializers").input(3);
        for (Initializer init : inits) {
            s = s.add(Dense.units(3).kernelInitializer(init).biasInitializer(init));
        }
        return s;
    }

    /** Every regularizer kind on kernel, bias and output, plus model-level penalties. */
    static Sequential allRegularizers() {
        return Sequential.named("regularizers").input(2, 5)
                .add(Dense.units(6).name("k_l1").kernelRegularizer(Regularizers.l1(1e-5)))
                .add(Dense.units(6).kernelRegularizer(Regularizers.l2(0.009999999776482582))
                        .biasRegularizer(Regularizers.l1l2(0.001, 0.0)))
                .add(Dense.units(6).kernelRegularizer(Regularizers.orthogonal(0.02, OrthogonalRegularizer.Mode.COLUMNS))
                        .activityRegularizer(Regularizers.l1l2(0.01, 0.02)))
                .add(Dense.units(4).kernelRegularizer(Regularizers.orthogonal())
                        .biasRegularizer(Regularizers.custom("MyPackage>ScaledL2", Map.of("factor", 0.5, "p", 2.0)))
                        .activityRegularizer(Regularizers.l2()))
                .add(Flatten.create())
                .add(Dropout.rate(0.3).seed(17))
                .add(Dense.units(1).useBias(false).trainable(false).activityRegularizer(Regularizers.l1()))
                .penalty(Regularizers.l2(1e-4))
                .penalty(ModelPenalty.of(Regularizers.l1(1e-6)).withoutBiases().withoutNormalization());
    }

    static Functional functional() {
        return Functional.named("graph")
                .input("features", 8)
                .add(Dense.units(16).name("hidden").activation(Activation.RELU).kernelRegularizer(Regularizers.l2(0.01)),
                        "features")
                .add(Dropout.rate(0.1), "hidden")
                .add(Dense.units(3).name("out").activation(Activation.SOFTMAX), "dropout")
                .outputs("out");
    }

    /** Valid but not a chain: two inputs, each with its own head. */
    static Functional twoHeads() {
        return Functional.named("two_heads")
                .input("a", 3).input("b", 2, 2)
                .add(Dense.units(2).name("ha"), "a")
                .add(Flatten.create().name("fb"), "b")
                .add(Dense.units(1).name("hb").biasRegularizer(Regularizers.l1()), "fb")
                .outputs("ha", "hb")
                .penalty(Regularizers.l1l2(0.1, 0.2));
    }

    static Stream<ModelSpec> specs(Dialect dialect) {
        return Stream.of(allActivations(dialect), allInitializers(), allRegularizers(), functional(), twoHeads());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void fluentSpecsSurviveAWriteAndARead(Dialect dialect) {
        specs(dialect).forEach(spec -> {
            String json = ModelJson.write(spec, dialect);
            ReadResult back = ModelJson.read(json);
            assertEquals(spec, back.spec(), spec.name() + " in " + dialect);
            assertEquals(dialect, back.dialect());
            assertEquals(List.of(), back.warnings(), spec.name());
            assertEquals(json, ModelJson.write(back.spec(), dialect), "write(read(x)) is stable for " + spec.name());
        });
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void trainingConfigsSurvive(Dialect dialect) {
        List<TrainingConfig> configs = List.of(
                TrainingConfig.of(Optimizer.sgd(), Loss.meanSquaredError()),
                TrainingConfig.of(Optimizer.sgd(0.1).momentum(0.9).nesterov(true).weightDecay(1e-4),
                        Loss.meanAbsoluteError(), Metric.MEAN_ABSOLUTE_ERROR, Metric.MEAN_SQUARED_ERROR),
                TrainingConfig.of(Optimizer.adam(), Loss.categoricalCrossentropy(), Metric.ACCURACY),
                TrainingConfig.of(Optimizer.adamW(0.003).betas(0.8, 0.99).epsilon(1e-6),
                        new Loss.CategoricalCrossentropy(true, 0.1), Metric.CATEGORICAL_ACCURACY),
                TrainingConfig.of(Optimizer.adam(0.01), new Loss.BinaryCrossentropy(true, 0.05),
                        Metric.BINARY_ACCURACY),
                TrainingConfig.of(Optimizer.adam(0.01), new Loss.SparseCategoricalCrossentropy(true),
                        Metric.SPARSE_CATEGORICAL_ACCURACY),
                TrainingConfig.of(Optimizer.adam(0.01), Loss.sparseCategoricalCrossentropy()));
        for (TrainingConfig config : configs) {
            String json = ModelJson.write(functional(), config, dialect);
            ReadResult back = ModelJson.read(json);
            assertEquals(config, back.trainingConfig(), json);
            assertEquals(json, ModelJson.write(back.spec(), back.trainingConfig(), dialect));
        }
    }

    /** Files from outside Strata: after one write, the output is a fixed point. */
    @Test
    void writeOfReadIsStableOnEveryValidFile() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(ValidSpecsTest.DIR)) {
            files = new ArrayList<>(list.sorted().toList());
        }
        assertTrue(files.size() >= 15);
        for (Path file : files) {
            ReadResult first = ModelJson.read(file);
            for (Dialect dialect : Dialect.values()) {
                String once = ModelJson.write(first.spec(), first.trainingConfig(), dialect);
                ReadResult again = ModelJson.read(once);
                assertEquals(first.spec(), again.spec(), file + " " + dialect);
                assertEquals(first.trainingConfig(), again.trainingConfig(), file + " " + dialect);
                assertEquals(once, ModelJson.write(again.spec(), again.trainingConfig(), dialect), file.toString());
            }
        }
    }

    @Test
    void writingNeedsACompleteModel() {
        SpecException noInput = assertThrows(SpecException.class,
                () -> ModelJson.write(Sequential.create().add(Dense.units(1))));
        assertTrue(noInput.getMessage().contains("input_shape is missing"), noInput.getMessage());
        SpecException noOutput = assertThrows(SpecException.class,
                () -> ModelJson.write(Functional.named("f").input("x", 2).add(Dense.units(1), "x")));
        assertTrue(noOutput.getMessage().contains("output_layers"), noOutput.getMessage());
    }

    @Test
    void strataMarkersSitWhereKerasIgnoresThem() {
        String json = ModelJson.write(allRegularizers());
        assertTrue(json.contains("\n  \"strata_format\": 1,\n"), json);
        assertTrue(json.contains("\n  \"strata_penalties\": [\n"), json);
        assertTrue(json.endsWith("}\n"));
    }
}
