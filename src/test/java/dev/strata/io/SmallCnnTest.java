package dev.strata.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.demo.ShapeImages;
import dev.strata.graph.WeightSet;
import dev.strata.samples.SmallCnn;
import dev.strata.train.Dataset;
import dev.strata.train.Evaluation;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * The dsl-samples CNN (Conv2D + BatchNormalization + MaxPooling2D + Dropout + Dense, L2 on every kernel, gamma and
 * beta regularizers) trains on the embedded shape images: the loss falls, evaluate uses the moving statistics
 * (its data loss is the crossentropy of what predict returns) and changes no weight, and the exported SavedModel
 * predicts what predict does with no update, random, optimizer or penalty op in it.
 */
class SmallCnnTest {
    private static final Set<String> FORBIDDEN = Set.of("AssignVariableOp", "AssignAddVariableOp",
            "AssignSubVariableOp", "StatelessRandomUniformV2", "StatelessRandomUniform", "StatelessRandomNormalV2",
            "RandomUniform", "ResourceApplyGradientDescent", "ResourceApplyAdam", "VarHandleOp", "ReadVariableOp",
            "Square", "Abs");

    @TempDir
    Path dir;

    @Test
    void trainsEvaluatesWithMovingStatisticsAndExportsACleanInferenceGraph() {
        ShapeImages data = ShapeImages.generate(240, 90, 3);
        Path export = dir.resolve("cnn");
        Dataset val = data.validation();
        float[][] predicted;
        try (Model model = Model.compile(SmallCnn.spec(), SmallCnn.config())) {
            History h = model.fit(data.train(), FitOptions.epochs(4).batchSize(32).quiet());
            double[] loss = h.get("data_loss");
            assertTrue(loss[loss.length - 1] < 0.8 * loss[0], "data loss falls: " + java.util.Arrays.toString(loss));
            float[] movingMean = model.weights().values("batch_normalization/moving_mean");
            assertFalse(java.util.Arrays.equals(new float[movingMean.length], movingMean),
                    "fit moved the moving mean");

            WeightSet before = model.weights();
            Evaluation e = model.evaluate(val, 30);
            predicted = model.predict(val, 64);
            assertTrue(before.sameAs(model.weights()), "evaluate and predict change no weight");
            assertEquals(crossentropy(predicted, val), e.dataLoss(), 2e-5, "evaluate is predict's crossentropy");

            SavedModelExport.export(model, export);
        }
        try (SavedModelBundle b = SavedModelBundle.load(export.toString(), SavedModelExport.TAG)) {
            for (Iterator<GraphOperation> it = b.graph().operations(); it.hasNext(); ) {
                GraphOperation op = it.next();
                assertFalse(FORBIDDEN.contains(op.type()), "training op in the export: " + op);
                String name = op.name().toLowerCase(Locale.ROOT);
                for (String word : List.of("regularizer", "loss", "optimizer", "train", "eval", "moving_mean_update")) {
                    assertFalse(name.contains(word), "op " + op.name() + " mentions " + word);
                }
            }
            int n = val.size();
            float[] x = new float[n * 144];
            for (int i = 0; i < n; i++) {
                System.arraycopy(val.input(i), 0, x, i * 144, 144);
            }
            try (TFloat32 in = TFloat32.tensorOf(Shape.of(n, 12, 12, 1), DataBuffers.of(x, true, false));
                 Result r = b.function(SavedModelExport.SIGNATURE_KEY).call(Map.of(SavedModelExport.INPUT, in))) {
                TFloat32 out = (TFloat32) r.get(SavedModelExport.OUTPUT).orElseThrow();
                float[] served = new float[(int) out.size()];
                out.copyTo(DataBuffers.of(served, false, false));
                float[] want = new float[n * 3];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(predicted[i], 0, want, i * 3, 3);
                }
                assertArrayEquals(want, served, 1e-5f);
            }
        }
    }

    private static double crossentropy(float[][] p, Dataset data) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            float[] y = data.target(i);
            for (int c = 0; c < y.length; c++) {
                sum -= y[c] * Math.log(p[i][c]);
            }
        }
        return sum / p.length;
    }
}
