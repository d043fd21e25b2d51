package dev.strata.experiment;

import static dev.strata.spec.Regularizers.l1;
import static dev.strata.spec.Regularizers.l2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.demo.DemoData;
import dev.strata.demo.RegularizationDemo;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.Optimizer;
import dev.strata.spec.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One spec under several settings, same seed and data: the report shows overfitting, sparsity and cost. */
class ComparisonTest {
    private static ComparisonReport report;

    @BeforeAll
    static void compare() {
        DemoData data = DemoData.standard();
        report = Comparison.run(RegularizationDemo.network(l2(0.5)),
                TrainingConfig.of(Optimizer.adam(0.003), Loss.binaryCrossentropy(), Metric.ACCURACY), data.train(),
                data.validation(), List.of(Setting.none(), Setting.kernels(l2(0.01)), Setting.kernels(l1(0.002)),
                        Setting.weightDecay(0.05)), new Comparison.Options(100, 32, 1), null);
    }

    @Test
    void settingsReplaceTheSpecsOwnRegularizers() {
        Dense first = (Dense) Setting.kernels(l1(0.002)).spec().apply(RegularizationDemo.network(l2(0.5))).layers().get(0);
        assertEquals(l1(0.002), first.kernelRegularizer());
        Dense none = (Dense) Setting.none().spec().apply(RegularizationDemo.network(l2(0.5))).layers().get(0);
        assertEquals(null, none.kernelRegularizer());
        assertEquals(0.004, ((Optimizer.Adam) Setting.weightDecay(0.004).optimizer().apply(Optimizer.adam())).weightDecay());
    }

    @Test
    void regularizationReducesTheGapAndL1Sparsifies() {
        SettingResult none = report.result("none");
        SettingResult l2 = report.result("L2(0.01)");
        SettingResult l1 = report.result("L1(0.002)");
        SettingResult decay = report.result("weight decay 0.05");
        assertTrue(l2.gap() < 0.75 * none.gap(), l2.gap() + " vs " + none.gap());
        assertTrue(l1.gap() < 0.75 * none.gap(), l1.gap() + " vs " + none.gap());
        assertTrue(decay.gap() < none.gap(), decay.gap() + " vs " + none.gap());
        assertTrue(l1.layers().get(0).nearZero() > 0.5, "L1 sparsity " + l1.layers().get(0));
        assertTrue(none.layers().get(0).nearZero() < 0.05);
        assertTrue(l1.layers().get(0).l1Norm() < none.layers().get(0).l1Norm());
        assertTrue(l2.layers().get(0).l2Norm() < none.layers().get(0).l2Norm());
        assertEquals(0.0, none.regularizationShare());
        assertEquals(0.0, decay.regularizationShare(), "decoupled decay adds nothing to the objective");
        assertTrue(l2.regularizationShare() > 0.05 && l2.regularizationShare() < 1, "share " + l2.regularizationShare());
        assertEquals("accuracy", none.metric());
        assertTrue(none.bestValidationLoss() <= none.finalValidationLoss());
        assertTrue(none.bestEpoch() >= 1 && none.bestEpoch() <= 100);
        assertTrue(none.secondsPerEpoch() > 0);
    }

    @Test
    void tableAndCsvCarryEverySettingAndLayer(@TempDir Path dir) throws Exception {
        String table = report.table();
        for (SettingResult r : report.results()) {
            assertTrue(table.contains(r.label()), table);
        }
        Path csv = dir.resolve("compare.csv");
        report.writeCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1 + 4 * 3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("setting,train_data_loss,val_data_loss,best_val_data_loss"));
        assertTrue(lines.get(1).startsWith("none,"), lines.get(1));
        assertTrue(lines.get(1).contains(",dense,3968,"), lines.get(1));
    }
}
