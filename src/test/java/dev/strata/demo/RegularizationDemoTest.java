package dev.strata.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.experiment.ComparisonReport;
import dev.strata.experiment.SettingResult;
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
        ComparisonReport report = RegularizationDemo.run(DemoData.standard(), 150,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<SettingResult> rows = report.results();
        assertEquals(List.of("none", "L2(0.01)", "L1(0.002)", "L1L2(0.001, 0.005)"),
                rows.stream().map(SettingResult::label).toList());
        SettingResult none = rows.get(0);
        assertTrue(none.gap() > 1.0, "the unregularized network must overfit: " + none.gap());
        for (SettingResult r : rows.subList(1, rows.size())) {
            assertTrue(r.gap() < 0.75 * none.gap(), r.label() + " gap " + r.gap() + " vs " + none.gap());
            assertTrue(r.finalValidationLoss() < none.finalValidationLoss(), r.label());
        }
        SettingResult l1 = rows.get(2);
        assertTrue(l1.layers().get(0).nearZero() > 0.5, "L1 first-layer sparsity " + l1.layers().get(0));
        assertTrue(none.layers().get(0).nearZero() < 0.05, "no-regularization sparsity " + none.layers().get(0));
        double[] inputs = RegularizationDemo.inputWeightMeans(l1);
        assertTrue(inputs[0] > 2 * inputs[1], "L1 keeps the informative inputs: " + inputs[0] + " vs " + inputs[1]);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("setting              train loss   val loss"), printed);
        assertTrue(printed.contains("L1 zeroes"), printed);
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
