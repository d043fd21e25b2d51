package dev.strata.train;

import static dev.strata.spec.Regularizers.l2;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.Activation;
import dev.strata.spec.Constraint;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Conv1D;
import dev.strata.spec.layers.Conv2D;
import dev.strata.spec.layers.Conv2DTranspose;
import dev.strata.spec.layers.Conv3D;
import dev.strata.spec.layers.Conv3DTranspose;
import dev.strata.spec.layers.DataFormat;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.DepthwiseConv2D;
import dev.strata.spec.layers.Flatten;
import dev.strata.spec.layers.Padding;
import dev.strata.spec.layers.SeparableConv2D;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Convolution stacks train end to end through {@code fit}: the registered Conv3D gradients, space-to-batch
 * dilation, grouped convolutions, constraints and regularizers all in one training graph, with a falling loss.
 */
class ConvTrainingTest {

    @Test
    void imageStackTrains() {
        Sequential s = Sequential.create().input(8, 8, 2)
                .add(Conv2D.of(4, 3).padding(Padding.SAME).dilationRate(2).groups(2).activation(Activation.RELU)
                        .kernelRegularizer(l2(0.001)).kernelConstraint(Constraint.maxNorm(3.0)))
                .add(DepthwiseConv2D.of(3).strides(2).dilationRate(2).padding(Padding.SAME).depthMultiplier(2))
                .add(SeparableConv2D.of(3, 2).dataFormat(DataFormat.CHANNELS_LAST).activation(Activation.TANH))
                .add(Conv2DTranspose.of(2, 3).strides(2).padding(Padding.SAME).outputPadding(1))
                .add(Flatten.create())
                .add(Dense.units(1));
        trains(s, new int[] {8, 8, 2}, s.summary().outputShape());
    }

    @Test
    void volumeStackTrains() {
        Sequential s = Sequential.create().input(2, 6, 6, 6)
                .add(Conv3D.of(3, 2).dataFormat(DataFormat.CHANNELS_FIRST).padding(Padding.SAME)
                        .activation(Activation.RELU).kernelConstraint(Constraint.nonNeg()))
                .add(Conv3DTranspose.of(2, 2).strides(2).dataFormat(DataFormat.CHANNELS_FIRST))
                .add(Conv3D.of(2, 3).strides(3).dataFormat(DataFormat.CHANNELS_FIRST))
                .add(Flatten.create())
                .add(Dense.units(1));
        trains(s, new int[] {2, 6, 6, 6}, s.summary().outputShape());
    }

    @Test
    void sequenceStackTrains() {
        Sequential s = Sequential.create().input(12, 3)
                .add(Conv1D.of(4, 2).padding(Padding.CAUSAL).dilationRate(4).activation(Activation.RELU))
                .add(Conv1D.of(1, 3).padding(Padding.CAUSAL).dilationRate(2));
        trains(s, new int[] {12, 3}, s.summary().outputShape());
    }

    private static void trains(Sequential spec, int[] example, TensorShape yShape) {
        int n = 32;
        int size = 1;
        for (int d : example) {
            size *= d;
        }
        Random r = new Random(3);
        float[][] x = new float[n][size];
        int out = (int) yShape.size();
        float[][] y = new float[n][out];
        for (int i = 0; i < n; i++) {
            float sum = 0;
            for (int j = 0; j < size; j++) {
                x[i][j] = (float) r.nextGaussian();
                sum += x[i][j] * (j % 3 - 1);
            }
            for (int j = 0; j < out; j++) {
                y[i][j] = (float) Math.tanh(sum / Math.sqrt(size)) + 0.1f * (float) Math.sin(j);
            }
        }
        Dataset data = Dataset.of(flat(x), TensorShape.of(example), flat(y), yShape);
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.adam(0.01), Loss.meanSquaredError()))) {
            double[] loss = m.fit(data, FitOptions.epochs(15).batchSize(8).quiet()).get("loss");
            assertTrue(Double.isFinite(loss[loss.length - 1]), "loss " + loss[loss.length - 1]);
            assertTrue(loss[loss.length - 1] < 0.8 * loss[0], "loss did not fall: " + loss[0] + " -> "
                    + loss[loss.length - 1]);
        }
    }

    private static float[] flat(float[][] rows) {
        float[] out = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * rows[0].length, rows[0].length);
        }
        return out;
    }
}
