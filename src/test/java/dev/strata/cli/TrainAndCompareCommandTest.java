package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.demo.DemoData;
import dev.strata.io.Checkpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train} and {@code compare} run end to end from a JSON spec and a CSV file, writing what they promise. */
class TrainAndCompareCommandTest {

    /** The demo data written as CSV: 30 feature columns, then the label. */
    static Path demoCsv(Path dir) throws IOException {
        DemoData data = DemoData.standard();
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < DemoData.FEATURES; j++) {
            sb.append("x").append(j).append(',');
        }
        sb.append("label\n");
        for (int i = 0; i < 300; i++) {
            boolean train = i < 200;
            float[] x = train ? data.train().input(i) : data.validation().input(i - 200);
            float[] y = train ? data.train().target(i) : data.validation().target(i - 200);
            for (float v : x) {
                sb.append(String.format(Locale.ROOT, "%s,", v));
            }
            sb.append((int) y[0]).append('\n');
        }
        Path csv = dir.resolve("demo.csv");
        Files.writeString(csv, sb.toString());
        return csv;
    }

    static Path binarySpec(Path dir) throws IOException {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, """
                {"class_name": "Sequential", "config": {"name": "cli_model", "layers": [
                  {"class_name": "InputLayer", "config": {"batch_shape": [null, 30]}},
                  {"class_name": "Dense", "config": {"name": "hidden", "units": 16, "activation": "relu",
                    "kernel_regularizer": {"class_name": "L2", "config": {"l2": 0.01}}}},
                  {"class_name": "Dense", "config": {"name": "out", "units": 1, "activation": "sigmoid"}}]}}
                """);
        return spec;
    }

    @Test
    void trainsAJsonSpecOnACsvAndWritesWeightsExportPlotAndHistory(@TempDir Path dir) throws Exception {
        Path spec = binarySpec(dir);
        Path csv = demoCsv(dir);
        Path weights = dir.resolve("w.ckpt");
        Path export = dir.resolve("saved");
        Path png = dir.resolve("curves.png");
        Path history = dir.resolve("history.csv");
        StrataCliTest.Outcome o = StrataCliTest.run("train", spec.toString(), "--data", csv.toString(),
                "--validation-split", "0.25", "--epochs", "3", "--save-weights", weights.toString(), "--export",
                export.toString(), "--plot", png.toString(), "--history-csv", history.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("Training on " + csv + " (225 training, 75 validation examples, label column "
                + "'label') with Adam"), o.out());
        assertTrue(o.out().contains("hidden/kernel_regularizer"), o.out());
        assertTrue(o.out().contains("Epoch 3/3"), o.out());
        assertEquals(-1, o.out().indexOf("epoch 1: loss:"), "the history is not printed a second time");
        assertEquals(List.of("hidden/kernel", "hidden/bias", "out/kernel", "out/bias"),
                List.copyOf(Checkpoints.read(weights).weights().entries().keySet()));
        assertTrue(Files.isRegularFile(export.resolve("saved_model.pb")));
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 100);
        List<String> lines = Files.readAllLines(history);
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("epoch,"), lines.get(0));
    }

    /** A two-input, two-output Keras JSON model trains from a CSV whose columns carry its input and output names. */
    @Test
    void trainsATwoInputTwoOutputModelFromColumnsNamedAfterItsTensors(@TempDir Path dir) throws Exception {
        dev.strata.spec.KerasTensor a = dev.strata.spec.Input.named("a", 1);
        dev.strata.spec.KerasTensor b = dev.strata.spec.Input.named("b", 2);
        dev.strata.spec.KerasTensor joint = dev.strata.spec.layers.Concatenate.create().apply(a, b);
        dev.strata.spec.KerasTensor sum = dev.strata.spec.layers.Dense.units(1).name("sum").apply(joint);
        dev.strata.spec.KerasTensor sign = dev.strata.spec.layers.Dense.units(2)
                .activation(dev.strata.spec.Activation.SOFTMAX).name("sign").apply(joint);
        dev.strata.spec.Functional model = dev.strata.spec.Functional.of("two", List.of(a, b), List.of(sum, sign));
        dev.strata.spec.TrainingConfig config = dev.strata.spec.TrainingConfig.of(dev.strata.spec.Optimizer.sgd(0.05))
                .loss("sum", dev.strata.spec.Loss.meanSquaredError())
                .loss("sign", dev.strata.spec.Loss.sparseCategoricalCrossentropy())
                .metrics("sign", dev.strata.spec.Metric.ACCURACY).lossWeight("sum", 0.5);
        Path spec = dir.resolve("two.json");
        Files.writeString(spec, dev.strata.json.ModelJson.write(model, config, dev.strata.json.Dialect.KERAS3));
        StringBuilder csv = new StringBuilder("b_0,a,b_1,sum,sign\n");
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < 40; i++) {
            float x = rnd.nextFloat() - 0.5f, y = rnd.nextFloat() - 0.5f, z = rnd.nextFloat() - 0.5f;
            csv.append(y).append(',').append(x).append(',').append(z).append(',').append(x + y + z).append(',')
                    .append(x + y + z > 0 ? 1 : 0).append('\n');
        }
        Path data = dir.resolve("two.csv");
        Files.writeString(data, csv);
        StrataCliTest.Outcome o = StrataCliTest.run("train", spec.toString(), "--data", data.toString(),
                "--validation-split", "0.25", "--epochs", "2");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("(30 training, 10 validation examples, columns by input and output name)"),
                o.out());
        assertTrue(o.out().contains("sum_loss") && o.out().contains("val_sign_accuracy"), o.out());
        StrataCliTest.Outcome label = StrataCliTest.run("train", spec.toString(), "--data", data.toString(),
                "--label", "sum");
        assertEquals(2, label.code());
        assertTrue(label.err().contains("reads its columns by input and output name (a, b; sum, sign)"), label.err());
    }

    @Test
    void trainRefusesTheDemoDataForAModelOfAnotherShape(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, """
                {"class_name": "Sequential", "config": {"name": "m", "layers": [
                  {"class_name": "InputLayer", "config": {"batch_shape": [null, 4]}},
                  {"class_name": "Dense", "config": {"name": "d", "units": 2}}]}}
                """);
        StrataCliTest.Outcome o = StrataCliTest.run("train", spec.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("the embedded demo data has 30 features"), o.err());
    }

    @Test
    void compareWritesTableCsvAndChart(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("report.csv");
        Path png = dir.resolve("compare.png");
        StrataCliTest.Outcome o = StrataCliTest.run("compare", binarySpec(dir).toString(), "--data",
                demoCsv(dir).toString(), "--l1", "0.001", "--weight-decay", "0.1", "--epochs", "3", "--csv",
                csv.toString(), "--png", png.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("Comparing 3 settings"), o.out());
        for (String label : List.of("none", "L1(0.001)", "weight decay 0.1")) {
            assertTrue(o.out().contains(label), label + " in " + o.out());
        }
        assertEquals(1 + 3 * 2, Files.readAllLines(csv).size());
        assertTrue(ImageIO.read(png.toFile()).getHeight() > 100);
    }

    @Test
    void aBadCsvIsReportedWithFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < 30; j++) {
            sb.append("x").append(j).append(',');
        }
        sb.append("label\n").append("0.5,".repeat(29)).append("abc,1\n");
        Files.writeString(csv, sb.toString());
        StrataCliTest.Outcome o = StrataCliTest.run("train", binarySpec(dir).toString(), "--data", csv.toString());
        assertEquals(1, o.code());
        assertTrue(o.err().startsWith("strata train: " + csv + ":2:"), o.err());
        assertTrue(o.err().contains("'abc'"), o.err());
    }

    @Test
    void compareRunsMaxNormWithDropout(@TempDir Path dir) throws Exception {
        StrataCliTest.Outcome o = StrataCliTest.run("compare", binarySpec(dir).toString(), "--data",
                demoCsv(dir).toString(), "--max-norm-dropout", "3,0.5", "--epochs", "2");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("Comparing 2 settings"), o.out());
        assertTrue(o.out().contains("max-norm 3.0 + dropout 0.5"), o.out());
        StrataCliTest.Outcome bad = StrataCliTest.run("compare", "--max-norm-dropout", "3,1.5");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("a rate in [0, 1)"), bad.err());
    }

    @Test
    void compareRejectsABadFactor() {
        StrataCliTest.Outcome o = StrataCliTest.run("compare", "--l1l2", "0.1");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--l1l2 takes two factors"), o.err());
    }
}
