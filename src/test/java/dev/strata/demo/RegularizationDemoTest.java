package dev.strata.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The main job shows what it promises: regularization narrows the train/validation gap, L1 sparsifies. */
class RegularizationDemoTest {
    @Test
    void regularizationReducesOverfittingAndL1SelectsFeatures() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<RegularizationDemo.Row> rows = RegularizationDemo.run(DemoData.standard(), 150,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(List.of("none", "L2(0.01)", "L1(0.002)", "L1L2(0.001, 0.005)"),
                rows.stream().map(RegularizationDemo.Row::setting).toList());
        RegularizationDemo.Row none = rows.get(0);
        assertTrue(none.gap() > 1.0, "the unregularized network must overfit: " + none);
        for (RegularizationDemo.Row r : rows.subList(1, rows.size())) {
            assertTrue(r.gap() < 0.75 * none.gap(), r.setting() + " gap " + r.gap() + " vs " + none.gap());
            assertTrue(r.validationLoss() < none.validationLoss(), r.toString());
        }
        RegularizationDemo.Row l1 = rows.get(2);
        assertTrue(l1.nearZeroFirstLayer() > 0.5, "L1 first-layer sparsity " + l1.nearZeroFirstLayer());
        assertTrue(none.nearZeroFirstLayer() < 0.05, "no-regularization sparsity " + none.nearZeroFirstLayer());
        assertTrue(l1.usefulInputWeight() > 2 * l1.uselessInputWeight(), "L1 keeps the informative inputs: " + l1);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("regularizer        train loss   val loss"), printed);
    }

    @Test
    void embeddedDataIsDeterministic() {
        DemoData a = DemoData.standard();
        DemoData b = DemoData.standard();
        assertEquals(200, a.train().size());
        assertEquals(2000, a.validation().size());
        for (int i = 0; i < 200; i += 37) {
            assertTrue(java.util.Arrays.equals(a.train().input(i), b.train().input(i)));
            assertTrue(java.util.Arrays.equals(a.train().target(i), b.train().target(i)));
        }
    }
}
