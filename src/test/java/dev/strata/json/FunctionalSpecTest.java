package dev.strata.json;

import static dev.strata.spec.Activation.RELU;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.CyclicGraphException;
import dev.strata.spec.Functional;
import dev.strata.spec.FunctionalInput;
import dev.strata.spec.FunctionalNode;
import dev.strata.spec.Input;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.KerasTensor;
import dev.strata.spec.LayerCallSummary;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorRef;
import dev.strata.spec.TensorShape;
import dev.strata.spec.UnsupportedGraphException;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Dropout;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The functional spec's own rules, independent of JSON (which relies on them). */
class FunctionalSpecTest {

    @Test
    void aChainConvertsToTheEquivalentSequential() {
        Functional f = Functional.named("chain").input("x", 4)
                .add(Dense.units(3), "x")
                .add(Dropout.rate(0.5), "dense")
                .add(Dense.units(2), "dropout")
                .outputs("dense_1");
        assertTrue(f.isChain());
        Sequential s = f.toSequential();
        assertEquals(Sequential.named("chain").input(4).add(Dense.units(3)).add(Dropout.rate(0.5)).add(Dense.units(2)), s);
        assertEquals(4 * 3 + 3 + 3 * 2 + 2, f.summary().totalParams());
    }

    @Test
    void cyclesNameTheirLayers() {
        List<FunctionalNode> nodes = List.of(
                FunctionalNode.of(Dense.units(2).name("a"), "c"),
                FunctionalNode.of(Dense.units(2).name("b"), "a"),
                FunctionalNode.of(Dense.units(2).name("c"), "b"),
                FunctionalNode.of(Dense.units(2).name("out"), "x"));
        CyclicGraphException e = assertThrows(CyclicGraphException.class, () -> new Functional("loop",
                List.of(FunctionalInput.of("x", 2)), nodes, List.of(TensorRef.of("out")), List.of()));
        assertEquals(List.of("a", "b", "c", "a"), e.cycle());
        assertEquals("inbound_nodes", e.field());
        assertTrue(e.getMessage().contains("a -> b -> c -> a"), e.getMessage());
    }

    @Test
    void aSelfLoopIsACycle() {
        CyclicGraphException e = assertThrows(CyclicGraphException.class, () -> new Functional("self",
                List.of(FunctionalInput.of("x", 2)), List.of(FunctionalNode.of(Dense.units(2).name("d"), "d")),
                List.of(TensorRef.of("d")), List.of()));
        assertEquals(List.of("d", "d"), e.cycle());
    }

    @Test
    void referencesNodeAndTensorIndicesAreChecked() {
        InvalidSpecException unknown = assertThrows(InvalidSpecException.class,
                () -> Functional.named("f").input("x", 2).add(Dense.units(1), "y"));
        assertEquals("inbound_nodes", unknown.field());
        assertTrue(unknown.getMessage().contains("unknown input or layer 'y'"));
        InvalidSpecException two = assertThrows(InvalidSpecException.class,
                () -> Functional.named("f").input("x", 2).input("y", 2).add(Dense.units(1), "x", "y"));
        assertTrue(two.getMessage().contains("Dense takes one input tensor. Received 2"), two.getMessage());
        InvalidSpecException output = assertThrows(InvalidSpecException.class,
                () -> Functional.named("f").input("x", 2).outputs("nope"));
        assertEquals("output_layers", output.field());
        InvalidSpecException clash = assertThrows(InvalidSpecException.class,
                () -> Functional.named("f").input("x", 2).add(Dense.units(1).name("x"), "x"));
        assertEquals("name", clash.field());
        InvalidSpecException secondCall = assertThrows(InvalidSpecException.class,
                () -> Functional.named("f").input("x", 2).add(Dense.units(1).name("d"), "x")
                        .add(new FunctionalNode(Dense.units(1).name("e"), List.of(List.of(new TensorRef("d", 1, 0))))));
        assertTrue(secondCall.getMessage().contains("refers to d[1][0], but 'd' is called 1 time"),
                secondCall.getMessage());
        InvalidSpecException secondTensor = assertThrows(InvalidSpecException.class,
                () -> Functional.named("f").input("x", 2).add(Dense.units(1).name("d"), "x")
                        .add(new FunctionalNode(Dense.units(1).name("e"), List.of(List.of(new TensorRef("d", 0, 1))))));
        assertTrue(secondTensor.getMessage().contains("refers to d[0][1], but 'd' has fewer outputs"),
                secondTensor.getMessage());
    }

    @Test
    void shapesAreCheckedOnConstruction() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> Functional.named("f").input("x", 2, -1).add(Dense.units(1), "x"));
        assertTrue(e.getMessage().contains("Dense needs a defined last dimension"), e.getMessage());
    }

    @Test
    void branchesSeveralInputsAndOutputsAreModels() {
        Functional fanOut = Functional.named("fan").input("x", 4)
                .add(Dense.units(3).name("h"), "x")
                .add(Dense.units(1).name("p"), "h")
                .add(Dense.units(2).name("q"), "h")
                .outputs("p", "q");
        assertFalse(fanOut.isChain());
        ModelSummary s = fanOut.summary();
        assertEquals(List.of(TensorShape.of(1), TensorShape.of(2)), s.outputShapes());
        assertEquals(4 * 3 + 3 + 3 + 1 + 3 * 2 + 2, s.totalParams());
        assertTrue(s.toString().contains("Connected to"), s.toString());
        assertTrue(s.toString().contains("h[0][0]"), s.toString());
        UnsupportedGraphException e = assertThrows(UnsupportedGraphException.class, fanOut::toSequential);
        assertTrue(e.getMessage().contains("not one chain"), e.getMessage());
    }

    @Test
    void aSharedLayerHasOneSetOfWeightsAndCallsThatMustFitThem() {
        KerasTensor a = Input.named("a", 4);
        KerasTensor b = Input.named("b", 4);
        Dense shared = Dense.units(3).activation(RELU).name("shared");
        Functional siamese = Functional.of("siamese", List.of(a, b),
                List.of(Dense.units(1).name("left").apply(shared.apply(a)),
                        Dense.units(1).name("right").apply(shared.apply(b))));
        ModelSummary s = siamese.summary();
        assertEquals(4 * 3 + 3 + 2 * (3 + 1), s.totalParams(), "the shared layer's weights count once");
        FunctionalNode node = siamese.nodes().stream().filter(n -> n.layer().name().equals("shared")).findFirst()
                .orElseThrow();
        assertEquals(List.of(List.of(TensorRef.of("a")), List.of(TensorRef.of("b"))), node.calls());
        List<LayerCallSummary> calls = s.calls().stream().filter(c -> c.layer().name().equals("right")).toList();
        assertEquals(List.of(new TensorRef("shared", 1, 0)), calls.get(0).inputs());

        KerasTensor wide = Input.named("wide", 5);
        InvalidSpecException misfit = assertThrows(InvalidSpecException.class, () -> Functional.of("bad",
                List.of(a, wide), List.of(shared.apply(a), shared.apply(wide))));
        assertTrue(misfit.getMessage().contains("a shared layer must be called on inputs its weights fit"),
                misfit.getMessage());
    }

    @Test
    void symbolicTensorsBuildTheModelAndNameWhatIsUnnamed() {
        KerasTensor x = Input.shape(3);
        KerasTensor h = Dense.units(2).apply(x);
        KerasTensor y = Dense.units(1).apply(h);
        assertEquals(TensorShape.of(2), h.shape());
        Functional f = Functional.of("auto", x, y);
        assertEquals("input_layer", f.inputs().get(0).name());
        assertEquals(List.of("dense", "dense_1"), f.nodes().stream().map(n -> n.layer().name()).toList());
        assertEquals(List.of(TensorRef.of("dense_1")), f.outputs());
        assertTrue(f.isChain());
        InvalidSpecException early = assertThrows(InvalidSpecException.class,
                () -> Dense.units(2).apply(Input.shape(3, -1)));
        assertTrue(early.getMessage().contains("defined last dimension"), early.getMessage());
        KerasTensor other = Input.named("other", 3);
        InvalidSpecException missing = assertThrows(InvalidSpecException.class,
                () -> Functional.of("m", x, Dense.units(1).apply(other)));
        assertTrue(missing.getMessage().contains("depend on input 'other'"), missing.getMessage());
    }

    @Test
    void unnamedInputsAndLayersGetKerasNames() {
        Functional f = new Functional("auto", List.of(new FunctionalInput(null, TensorShape.of(2))),
                List.of(FunctionalNode.of(Dense.units(1), "input_layer")), List.of(TensorRef.of("dense")), List.of());
        assertEquals("input_layer", f.inputs().get(0).name());
        assertSame(f.nodes().get(0).layer().name(), "dense");
    }
}
