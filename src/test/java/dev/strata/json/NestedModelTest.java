package dev.strata.json;

import static dev.strata.spec.Activation.RELU;
import static dev.strata.spec.Regularizers.l2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.Functional;
import dev.strata.spec.Input;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.KerasTensor;
import dev.strata.spec.LayerSummary;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.NestedModel;
import dev.strata.spec.Sequential;
import dev.strata.spec.WeightSpec;
import dev.strata.spec.layers.Dense;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Models used as layers: the fluent API, weights and penalties, shape checks and Keras 2's node numbering. */
class NestedModelTest {
    private static final Sequential ENCODER = Sequential.named("encoder").input(6)
            .add(Dense.units(4).activation(RELU).kernelRegularizer(l2(0.01)).name("enc"))
            .add(Dense.units(2).name("code"));

    @Test
    void aModelCalledLikeALayerOwnsItsInnerWeightsUnderItsName() {
        KerasTensor x = Input.named("x", 6);
        Functional ae = Functional.of("ae", x, Dense.units(6).name("dec").apply(ENCODER.apply(x)));
        ModelSummary s = ae.summary();
        LayerSummary row = s.layers().get(0);
        assertEquals("encoder", row.layer().name());
        assertEquals("Sequential", row.layer().kerasClassName());
        assertEquals(List.of("enc/kernel", "enc/bias", "code/kernel", "code/bias"),
                row.weights().stream().map(WeightSpec::name).toList());
        assertEquals("enc/kernel_regularizer", row.weights().get(0).regularizerKey());
        assertEquals(6 * 4 + 4 + 4 * 2 + 2 + 2 * 6 + 6, s.totalParams());
        assertEquals(s.totalParams(), s.trainableParams());
    }

    @Test
    void aFrozenNestedModelFreezesEveryInnerWeight() {
        KerasTensor x = Input.named("x", 6);
        Functional f = Functional.of("f", x, Dense.units(1).apply(ENCODER.asLayer().trainable(false).apply(x)));
        assertEquals(2 + 1, f.summary().trainableParams());
        assertTrue(f.summary().layers().get(0).weights().stream().allMatch(w -> w.kind() == WeightSpec.Kind.FROZEN));
        String json = ModelJson.write(f);
        assertTrue(json.replaceAll("\\s", "").contains("\"name\":\"encoder\",\"trainable\":false"), json);
        assertEquals(f, ModelJson.read(json).spec());
    }

    @Test
    void aNestedSequentialInsideASequentialRoundTrips() {
        Sequential outer = Sequential.named("outer").input(6).add(ENCODER.asLayer()).add(Dense.units(1).name("out"));
        assertEquals(6 * 4 + 4 + 4 * 2 + 2 + 2 + 1, outer.summary().totalParams());
        for (Dialect d : Dialect.values()) {
            assertEquals(outer, ModelJson.read(ModelJson.write(outer, d)).spec(), d.toString());
        }
    }

    @Test
    void inputsOfTheWrongShapeAreRefusedNamingTheModel() {
        KerasTensor x = Input.named("x", 5);
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> Functional.of("bad", x, ENCODER.apply(x)).summary());
        assertTrue(e.getMessage().contains("model 'encoder' takes input") && e.getMessage().contains("(None, 6)")
                && e.getMessage().contains("(None, 5)"), e.getMessage());
    }

    @Test
    void modelWidePenaltiesOfANestedModelAreRefusedNotDropped() {
        Sequential penalized = ENCODER.penalty(l2(0.1));
        KerasTensor x = Input.named("x", 6);
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> Functional.of("f", x, penalized.apply(x)).summary());
        assertTrue(e.getMessage().contains("outer model"), e.getMessage());
    }

    /** tf.keras and TF.js count a nested model's calls from 1 (node 0 is its own input-to-output node). */
    @Test
    void keras2NodeNumberingIsReadAndWritten() {
        String keras2 = """
                {"class_name": "Model", "config": {"name": "m", "layers": [
                  {"name": "x", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 6], "name": "x"},
                   "inbound_nodes": []},
                  {"name": "encoder", "class_name": "Sequential", "config": {"name": "encoder", "layers": [
                    {"class_name": "Dense", "config": {"name": "enc", "units": 2, "batch_input_shape": [null, 6]}}]},
                   "inbound_nodes": [[["x", 0, 0, {}]]]},
                  {"name": "out", "class_name": "Dense", "config": {"name": "out", "units": 1},
                   "inbound_nodes": [[["encoder", %d, 0, {}]]]}],
                 "input_layers": [["x", 0, 0]], "output_layers": [["out", 0, 0]]}}""";
        Functional f = (Functional) ModelJson.read(keras2.formatted(1)).spec();
        assertEquals(NestedModel.class, f.nodes().get(0).layer().getClass());
        assertEquals(0, f.nodes().get(1).calls().get(0).get(0).node());
        assertEquals(6 * 2 + 2 + 2 + 1, f.summary().totalParams());
        assertTrue(ModelJson.write(f, Dialect.KERAS2).replaceAll("\\s", "").contains("[[[\"encoder\",1,0,{}]]]"));
        JsonSpecException zero = assertThrows(JsonSpecException.class, () -> ModelJson.read(keras2.formatted(0)));
        assertTrue(zero.getMessage().contains("node 0 of nested model 'encoder'"), zero.getMessage());
    }
}
