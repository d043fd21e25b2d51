package dev.strata.experiment;

import static dev.strata.spec.Regularizers.l1;
import static dev.strata.spec.Regularizers.l2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.demo.DemoData;
import dev.strata.demo.RegularizationDemo;
import dev.strata.spec.Constraint;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Sequential;
import dev.strata.spec.layers.Conv2D;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Dropout;
import dev.strata.spec.layers.Flatten;
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

    /** "No regularization" means none at all: model-wide penalties, bias and activity terms, and weight decay. */
    @Test
    void noneRemovesEveryPenaltyAndDecay() {
        dev.strata.spec.Sequential regularized = RegularizationDemo.network(l2(0.5)).penalty(l2(0.01))
                .mapLayers(l -> l instanceof Dense d ? d.biasRegularizer(l1(0.1)).activityRegularizer(l2(0.2)) : l);
        assertEquals(1, regularized.penalties().size());
        dev.strata.spec.Sequential none = Setting.none().spec().apply(regularized);
        assertEquals(List.of(), none.penalties());
        for (dev.strata.spec.Layer l : none.layers()) {
            if (l instanceof Dense d) {
                assertEquals(null, d.kernelRegularizer());
                assertEquals(null, d.biasRegularizer());
                assertEquals(null, d.activityRegularizer());
            }
        }
        assertEquals(0.0, ((Optimizer.Adam) Setting.none().optimizer().apply(Optimizer.adam().weightDecay(0.1)))
                .weightDecay());
    }

    /**
     * Srivastava et al.'s pairing: dropout after each hidden layer, max-norm on each unit's incoming weights (all
     * kernel axes but the last), every penalty gone; after training, no unit of the first layer has an incoming
     * norm above the bound, while the same run without the setting has.
     */
    @Test
    void maxNormDropoutConstrainsEveryUnitAndDropsOutEveryHiddenLayer() {
        Sequential spec = Setting.maxNormDropout(3, 0.5).spec().apply(RegularizationDemo.network(l2(0.5)));
        assertEquals(List.of(Dense.class, Dropout.class, Dense.class, Dropout.class, Dense.class),
                spec.layers().stream().map(Object::getClass).toList());
        for (int i : new int[] {0, 2, 4}) {
            Dense d = (Dense) spec.layers().get(i);
            assertEquals(Constraint.maxNorm(3).axis(0), d.kernelConstraint());
            assertNull(d.kernelRegularizer());
        }
        assertEquals(0.5, ((Dropout) spec.layers().get(1)).rate());
        assertEquals("max-norm 3.0 + dropout 0.5", Setting.maxNormDropout(3, 0.5).label());
        Sequential cnn = Setting.maxNormDropout(4, 0.25).spec().apply(Sequential.named("cnn").input(8, 8, 2)
                .add(Conv2D.of(4, 3)).add(Flatten.create()).add(Dense.units(2)));
        assertEquals(Constraint.maxNorm(4).axis(0, 1, 2), ((Conv2D) cnn.layers().get(0)).kernelConstraint(),
                "a convolution's unit sees the window and the input channels");
        assertEquals(List.of(Conv2D.class, Dropout.class, Flatten.class, Dense.class),
                cnn.layers().stream().map(Object::getClass).toList());
        assertThrows(InvalidSpecException.class, () -> Setting.maxNormDropout(-1, 0.5));
        assertThrows(InvalidSpecException.class, () -> Setting.maxNormDropout(3, 1.0));

        DemoData data = DemoData.standard();
        double bound = 0.5;
        ComparisonReport r = Comparison.run(RegularizationDemo.network(null), TrainingConfig.of(Optimizer.adam(0.003),
                Loss.binaryCrossentropy(), Metric.ACCURACY), data.train(), data.validation(),
                List.of(Setting.none(), Setting.maxNormDropout(bound, 0.5)), new Comparison.Options(10, 32, 1), null);
        double constrained = maxUnitNorm(r.results().get(1).firstKernel(), 128);
        double free = maxUnitNorm(r.results().get(0).firstKernel(), 128);
        assertTrue(constrained <= bound * (1 + 1e-5), "largest incoming norm " + constrained);
        assertTrue(free > bound * 1.5, "without the constraint the norms grow past the bound: " + free);
    }

    /** The largest L2 norm of a column of a row-major (rows, units) kernel. */
    private static double maxUnitNorm(float[] kernel, int units) {
        double max = 0;
        for (int u = 0; u < units; u++) {
            double sq = 0;
            for (int i = u; i < kernel.length; i += units) {
                sq += (double) kernel[i] * kernel[i];
            }
            max = Math.max(max, Math.sqrt(sq));
        }
        return max;
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
