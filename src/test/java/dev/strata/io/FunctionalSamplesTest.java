package dev.strata.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.demo.ShapeImages;
import dev.strata.samples.ResidualCnn;
import dev.strata.samples.TwoHeads;
import dev.strata.spec.LayerSummary;
import dev.strata.spec.ModelSummary;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** The functional samples of dsl-samples train on their embedded data and the two-headed one serves both heads. */
class FunctionalSamplesTest {
    @TempDir
    Path dir;

    @Test
    void theResidualCnnAddsTheShortcutAndLearnsTheShapes() {
        ModelSummary s = ResidualCnn.spec().summary();
        LayerSummary add = s.layers().stream().filter(l -> l.layer().name().equals("block1_add")).findFirst()
                .orElseThrow();
        assertEquals("stem[0][0], block1_bn2[0][0]", String.join(", ", add.inbound().get(0).stream()
                .map(Object::toString).toList()));
        ShapeImages data = ShapeImages.generate(300, 150, 5);
        try (Model m = Model.compile(ResidualCnn.spec(), ResidualCnn.config())) {
            History h = m.fit(data.train(), FitOptions.epochs(5).batchSize(32).validationData(data.validation())
                    .quiet());
            assertTrue(h.last("val_accuracy") > 0.85, "val_accuracy " + h.last("val_accuracy"));
        }
    }

    @Test
    void twoInputsTwoOutputsTrainEachHeadAndExportBoth() {
        ShapeImages images = ShapeImages.generate(300, 150, 5);
        Dataset train = TwoHeads.data(images.train(), 1);
        Dataset val = TwoHeads.data(images.validation(), 2);
        Path export = dir.resolve("two_heads");
        List<float[][]> predicted;
        try (Model m = Model.compile(TwoHeads.spec(), TwoHeads.config())) {
            History h = m.fit(train, FitOptions.epochs(10).batchSize(32).validationData(val).quiet());
            assertTrue(h.last("val_shape_accuracy") > 0.8, "val_shape_accuracy " + h.last("val_shape_accuracy"));
            double[] shapeLoss = h.get("shape_loss");
            assertTrue(shapeLoss[shapeLoss.length - 1] < 0.8 * shapeLoss[0], "shape loss falls: " + java.util.Arrays.toString(shapeLoss));
            // The objective is shape_loss + 0.5 * brightness_loss, plus the penalties.
            assertEquals(h.last("shape_loss") + 0.5 * h.last("brightness_loss"), h.last("data_loss"), 1e-5);
            predicted = m.predictAll(val, 64);
            SavedModelExport.export(m, export);
        }
        try (SavedModelBundle b = SavedModelBundle.load(export.toString(), SavedModelExport.TAG)) {
            int n = 4;
            float[] x = new float[n * 144];
            float[] scale = new float[n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(val.input(0, i), 0, x, i * 144, 144);
                scale[i] = val.input(1, i)[0];
            }
            try (TFloat32 image = TFloat32.tensorOf(Shape.of(n, 12, 12, 1), DataBuffers.of(x, true, false));
                 TFloat32 s = TFloat32.tensorOf(Shape.of(n, 1), DataBuffers.of(scale, true, false));
                 Result r = b.function(SavedModelExport.SIGNATURE_KEY).call(Map.of("image", image, "scale", s))) {
                for (int k = 0; k < 2; k++) {
                    String name = k == 0 ? "shape" : "brightness";
                    TFloat32 out = (TFloat32) r.get(name).orElseThrow();
                    float[] served = new float[(int) out.size()];
                    out.copyTo(DataBuffers.of(served, false, false));
                    int width = predicted.get(k)[0].length;
                    float[] want = new float[n * width];
                    for (int i = 0; i < n; i++) {
                        System.arraycopy(predicted.get(k)[i], 0, want, i * width, width);
                    }
                    assertArrayEquals(want, served, 1e-5f, name);
                }
            }
        }
    }
}
