package dev.strata.json;

import dev.strata.spec.CyclicGraphException;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Dropout;
import dev.strata.spec.Functional;
import dev.strata.spec.FunctionalInput;
import dev.strata.spec.FunctionalNode;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import dev.strata.spec.UnsupportedGraphException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                List.of(FunctionalInput.of("x", 2)), nodes, List.of("out"), List.of()));
        assertEquals(List.of("a", "b", "c", "a"), e.cycle());
        assertEquals("inbound_nodes", e.field());
        assertTrue(e.getMessage().contains("a -> b -> c -> a"), e.getMessage());
    }

    @Test
    void aSelfLoopIsACycle() {
        CyclicGraphException e = assertThrows(CyclicGraphException.class, () -> new Functional("self",
                List.of(FunctionalInput.of("x", 2)), List.of(FunctionalNode.of(Dense.units(2).name("d"), "d")),
                List.of("d"), List.of()));
        assertEquals(List.of("d", "d"), e.cycle());
    }

    @Test
    void referencesAndArityAreChecked() {
        InvalidSpecException unknown = assertThrows(InvalidSpecException.class,
                () -> Functional.named("f").input("x", 2).add(Dense.units(1), "y"));
        assertEquals("inbound_nodes", unknown.field());
        assertTrue(unknown.getMessage().contains("unknown input or layer 'y'"));
        InvalidSpecException two = assertThrows(InvalidSpecException.class,
                () -> Functional.named("f").input("x", 2).input("y", 2).add(Dense.units(1), "x", "y"));
        assertTrue(two.getMessage().contains("has 2 inbound tensors (x, y) but Dense takes one"), two.getMessage());
        InvalidSpecException output = assertThrows(InvalidSpecException.class,
                () -> Functional.named("f").input("x", 2).outputs("nope"));
        assertEquals("output_layers", output.field());
        InvalidSpecException clash = assertThrows(InvalidSpecException.class,
                () -> Functional.named("f").input("x", 2).add(Dense.units(1).name("x"), "x"));
        assertEquals("name", clash.field());
    }

    @Test
    void shapesAreCheckedOnConstruction() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> Functional.named("f").input("x", 2, -1).add(Dense.units(1), "x"));
        assertTrue(e.getMessage().contains("Dense needs a defined last dimension"), e.getMessage());
    }

    @Test
    void graphsThatAreNotChainsSayWhere() {
        Functional fanOut = Functional.named("fan").input("x", 4)
                .add(Dense.units(3).name("h"), "x")
                .add(Dense.units(1).name("p"), "h")
                .add(Dense.units(1).name("q"), "h")
                .outputs("p");
        assertFalse(fanOut.isChain());
        UnsupportedGraphException e = assertThrows(UnsupportedGraphException.class, fanOut::toSequential);
        assertEquals("model 'fan': functional graph with branches/merges is not supported yet: the output of 'h' "
                + "feeds 2 layers (p, q)", e.getMessage());
        assertEquals("h", e.layerName());

        Functional twoOut = fanOut.outputs("p", "q");
        assertTrue(assertThrows(UnsupportedGraphException.class, twoOut::summary).getMessage()
                .endsWith("the model has 2 outputs (p, q)"));
        assertEquals(2, twoOut.layerSummaries().size() - 1, "shapes are known even when the compiler cannot build it");

        Functional twoIn = Functional.named("two").input("a", 1).input("b", 1).add(Dense.units(1).name("d"), "a")
                .outputs("d");
        assertTrue(assertThrows(UnsupportedGraphException.class, twoIn::toSequential).getMessage()
                .endsWith("the model has 2 inputs (a, b)"));
    }

    @Test
    void unnamedInputsAndLayersGetKerasNames() {
        Functional f = new Functional("auto", List.of(new FunctionalInput(null, TensorShape.of(2))),
                List.of(FunctionalNode.of(Dense.units(1), "input_layer")), List.of("dense"), List.of());
        assertEquals("input_layer", f.inputs().get(0).name());
        assertEquals("dense", f.nodes().get(0).layer().name());
    }
}
