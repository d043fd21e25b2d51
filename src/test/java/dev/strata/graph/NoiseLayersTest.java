package dev.strata.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.Activation;
import dev.strata.spec.Layer;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.ActivationLayer;
import dev.strata.spec.layers.ActivityRegularization;
import dev.strata.spec.layers.AlphaDropout;
import dev.strata.spec.layers.DataFormat;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Flatten;
import dev.strata.spec.layers.GaussianDropout;
import dev.strata.spec.layers.GaussianNoise;
import dev.strata.spec.layers.SpatialDropout;
import dev.strata.spec.layers.SpatialDropout1D;
import dev.strata.spec.layers.SpatialDropout2D;
import dev.strata.spec.layers.SpatialDropout3D;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import dev.strata.train.RegularizationValue;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;

/**
 * What the training-noise layers draw, checked against Keras 3's formulas over large tensors (the golden cases can
 * only check their inference pass): moments, masks, reproducibility from (seed, step), the identity when noise is
 * off, gradients with noise on, and no random op outside the training pass.
 */
class NoiseLayersTest {
    private static final int ROWS = 200;
    private static final int COLS = 1000;
    private static final long[] FLAT = {ROWS, COLS};

    private static Sequential model(int[] input, Layer layer) {
        return Sequential.create().input(input).add(layer);
    }

    private static float[] train(Sequential spec, float[] x, long[] shape) {
        return NoisePass.run(spec, TowerMode.TRAINING, true, 3, 11, x, shape).output();
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        Arrays.fill(a, v);
        return a;
    }

    private static float[] normal(int n, long seed) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f;
        }
        return s / v.length;
    }

    private static double variance(float[] v) {
        double m = mean(v);
        double s = 0;
        for (float f : v) {
            s += (f - m) * (f - m);
        }
        return s / v.length;
    }

    @Test
    void gaussianNoiseAddsZeroMeanNoiseOfStddev() {
        float[] x = normal(ROWS * COLS, 1);
        float[] y = train(model(new int[] {COLS}, GaussianNoise.stddev(0.3)), x, FLAT);
        float[] n = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            n[i] = y[i] - x[i];
        }
        // Standard errors over 200k draws: mean 0.3 / 447 = 7e-4, variance 0.09 * sqrt(2 / 2e5) = 3e-4.
        assertEquals(0, mean(n), 0.003);
        assertEquals(0.09, variance(n), 0.0015);
    }

    @Test
    void gaussianDropoutMultipliesByNoiseOfMeanOneAndKerasStddev() {
        Sequential spec = model(new int[] {COLS}, GaussianDropout.rate(0.3));
        float[] y = train(spec, filled(ROWS * COLS, 1f), FLAT);
        assertEquals(1, mean(y), 0.005);
        assertEquals(0.3 / 0.7, variance(y), 0.006); // Keras: stddev sqrt(rate / (1 - rate))
        float[] y2 = train(spec, filled(ROWS * COLS, 2f), FLAT);
        for (int i = 0; i < y.length; i += 997) {
            assertEquals(2 * y[i], y2[i], 1e-5, "the same noise multiplies any input");
        }
    }

    @Test
    void alphaDropoutKeepsAStandardNormalInputStandard() {
        double rate = 0.2;
        double a = 0.8789035834435328;  // Keras 3.15.1's a and b for rate 0.2, printed by Python
        double b = 0.30903996214409446;
        AlphaDropout layer = AlphaDropout.rate(rate);
        assertEquals(a, layer.a(), 1e-15);
        assertEquals(b, layer.b(), 1e-15);
        float[] x = normal(ROWS * COLS, 2);
        float[] y = train(model(new int[] {COLS}, layer), x, FLAT);
        float droppedValue = (float) (a * AlphaDropout.alphaP() + b);
        int dropped = 0;
        for (int i = 0; i < x.length; i++) {
            if (y[i] == droppedValue) {
                dropped++;
            } else {
                assertEquals(a * x[i] + b, y[i], 1e-5, "a kept value is a * x + b");
            }
        }
        assertEquals(rate, dropped / (double) x.length, 0.005);
        assertEquals(0, mean(y), 0.01);
        assertEquals(1, variance(y), 0.02);
    }

    @Test
    void spatialDropoutDrawsOneMaskPerExampleAndChannel() {
        checkSpatial(SpatialDropout1D.rate(0.3), new int[] {7, 30}, DataFormat.CHANNELS_LAST);
        checkSpatial(SpatialDropout2D.rate(0.4), new int[] {3, 4, 30}, DataFormat.CHANNELS_LAST);
        checkSpatial(SpatialDropout2D.rate(0.4).dataFormat(DataFormat.CHANNELS_FIRST), new int[] {30, 3, 4},
                DataFormat.CHANNELS_FIRST);
        checkSpatial(SpatialDropout3D.rate(0.25), new int[] {2, 3, 2, 30}, DataFormat.CHANNELS_LAST);
        checkSpatial(SpatialDropout3D.rate(0.25).dataFormat(DataFormat.CHANNELS_FIRST), new int[] {30, 2, 3, 2},
                DataFormat.CHANNELS_FIRST);
    }

    private static void checkSpatial(Layer layer, int[] example, DataFormat format) {
        double rate = ((SpatialDropout) layer).rate();
        int channels = format == DataFormat.CHANNELS_LAST ? example[example.length - 1] : example[0];
        int size = Arrays.stream(example).reduce(1, (p, d) -> p * d);
        int positions = size / channels;
        long[] shape = new long[example.length + 1];
        shape[0] = ROWS;
        for (int i = 0; i < example.length; i++) {
            shape[i + 1] = example[i];
        }
        float[] y = train(model(example, layer), filled(ROWS * size, 1f), shape);
        float kept = (float) (1 / (1 - rate));
        int keptMasks = 0;
        boolean[] channelVaries = new boolean[channels];
        float[] firstExample = new float[channels];
        for (int e = 0; e < ROWS; e++) {
            boolean[] seen = new boolean[2];
            for (int c = 0; c < channels; c++) {
                float first = Float.NaN;
                for (int p = 0; p < positions; p++) {
                    int i = e * size + (format == DataFormat.CHANNELS_LAST ? p * channels + c : c * positions + p);
                    assertTrue(y[i] == 0f || Math.abs(y[i] - kept) < 1e-6, layer + ": kept values scale by 1/(1-rate)");
                    if (p == 0) {
                        first = y[i];
                    } else {
                        assertEquals(first, y[i], layer + ": one mask value over a whole feature map");
                    }
                }
                keptMasks += first == 0f ? 0 : 1;
                seen[first == 0f ? 0 : 1] = true;
                if (e == 0) {
                    firstExample[c] = first;
                } else if (first != firstExample[c]) {
                    channelVaries[c] = true;
                }
            }
            assertTrue(channels < 20 || (seen[0] && seen[1]), layer + ": masks vary over the channels of an example");
        }
        for (boolean v : channelVaries) {
            assertTrue(v, layer + ": masks vary over examples");
        }
        // 6000 masks: the keep fraction's standard error is about 0.006.
        assertEquals(1 - rate, keptMasks / (double) (ROWS * channels), 0.03, layer + ": keep fraction");
    }

    private static List<Layer> randomLayers() {
        return List.of(GaussianNoise.stddev(0.5), GaussianDropout.rate(0.4), AlphaDropout.rate(0.3),
                SpatialDropout1D.rate(0.5));
    }

    private static int[] exampleOf(Layer layer) {
        return layer instanceof SpatialDropout1D ? new int[] {4, 25} : new int[] {100};
    }

    @Test
    void theSameSeedAndStepDrawTheSameNoiseAndAnotherStepOther() {
        for (Layer layer : randomLayers()) {
            Sequential spec = model(exampleOf(layer), layer);
            float[] x = normal(800, 3);
            long[] shape = layer instanceof SpatialDropout1D ? new long[] {8, 4, 25} : new long[] {8, 100};
            float[] a = NoisePass.run(spec, TowerMode.TRAINING, true, 3, 11, x, shape).output();
            float[] b = NoisePass.run(spec, TowerMode.TRAINING, true, 3, 11, x, shape).output();
            float[] c = NoisePass.run(spec, TowerMode.TRAINING, true, 4, 11, x, shape).output();
            assertArrayEquals(a, b, layer + ": same (seed, step)");
            assertFalse(Arrays.equals(a, c), layer + ": another step");
            assertFalse(Arrays.equals(a, x), layer + ": noise drawn");
        }
    }

    @Test
    void anExplicitSeedIsHonoured() {
        float[] x = normal(800, 4);
        long[] shape = {8, 100};
        float[] seededA = NoisePass.run(model(new int[] {100}, GaussianNoise.stddev(0.5).seed(5).name("a")),
                TowerMode.TRAINING, true, 3, 11, x, shape).output();
        float[] seededB = NoisePass.run(model(new int[] {100}, GaussianNoise.stddev(0.5).seed(5).name("b")),
                TowerMode.TRAINING, true, 3, 12, x, shape).output();
        float[] otherSeed = NoisePass.run(model(new int[] {100}, GaussianNoise.stddev(0.5).seed(6).name("a")),
                TowerMode.TRAINING, true, 3, 11, x, shape).output();
        float[] unseededA = NoisePass.run(model(new int[] {100}, GaussianNoise.stddev(0.5).name("a")),
                TowerMode.TRAINING, true, 3, 11, x, shape).output();
        float[] unseededB = NoisePass.run(model(new int[] {100}, GaussianNoise.stddev(0.5).name("b")),
                TowerMode.TRAINING, true, 3, 11, x, shape).output();
        assertArrayEquals(seededA, seededB, "the spec's seed decides, not the layer name or the model seed");
        assertFalse(Arrays.equals(seededA, otherSeed), "another seed, other noise");
        assertFalse(Arrays.equals(unseededA, unseededB), "without a seed, the layer name decides");
        assertFalse(Arrays.equals(seededA, unseededA), "the seed is used");
    }

    @Test
    void withoutNoiseEveryLayerIsTheIdentity() {
        float[] x = normal(800, 5);
        for (Layer layer : randomLayers()) {
            Sequential spec = model(exampleOf(layer), layer);
            long[] shape = layer instanceof SpatialDropout1D ? new long[] {8, 4, 25} : new long[] {8, 100};
            for (TowerMode mode : TowerMode.values()) {
                boolean noise = mode != TowerMode.TRAINING; // outside training the flag alone must not draw
                NoisePass pass = NoisePass.run(spec, mode, noise, 3, 11, x, shape);
                assertTrue(pass.identity(), layer + " in " + mode + ": the input tensor itself");
                assertFalse(pass.hasRandomOp(), layer + " in " + mode + ": no random op");
            }
            assertTrue(NoisePass.run(spec, TowerMode.TRAINING, true, 3, 11, x, shape).hasRandomOp(), layer + "");
        }
        // A softmax's logits survive the layer, as Keras keeps _keras_logits on the returned input.
        for (Layer layer : List.of(GaussianNoise.stddev(0.1), ActivityRegularization.of(0.1, 0))) {
            Sequential spec = Sequential.create().input(4).add(ActivationLayer.of(Activation.SOFTMAX)).add(layer);
            NoisePass pass = NoisePass.run(spec, TowerMode.INFERENCE, false, 3, 11, filled(8, 1f), new long[] {2, 4});
            assertTrue(pass.keepsLogits(), layer + " keeps the logits");
            assertArrayEquals(filled(8, 0.25f), pass.output(), 1e-6f, layer + ": softmax of equal logits");
        }
        NoisePass identity = NoisePass.run(model(new int[] {100}, ActivityRegularization.of(0.1, 0.2)),
                TowerMode.TRAINING, true, 3, 11, x, new long[] {8, 100});
        assertArrayEquals(x, identity.output(), "ActivityRegularization computes the identity");
    }

    @Test
    void gradientsWithNoiseOnAreTheMaskOrScale() {
        Random rnd = new Random(6);
        for (Layer layer : List.of(GaussianNoise.stddev(0.5), GaussianDropout.rate(0.4), AlphaDropout.rate(0.3),
                SpatialDropout2D.rate(0.5))) {
            int[] example = layer instanceof SpatialDropout2D ? new int[] {3, 3, 4} : new int[] {12};
            long[] shape = layer instanceof SpatialDropout2D ? new long[] {4, 3, 3, 4} : new long[] {4, 12};
            int n = 4 * Arrays.stream(example).reduce(1, (p, d) -> p * d);
            float[] x = new float[n];
            float[] r = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = 1 + (float) Math.abs(rnd.nextGaussian()); // away from 0, so y / x is the factor
                r[i] = (float) rnd.nextGaussian();
            }
            try (LayerProbe probe = new LayerProbe(model(example, layer), TowerMode.TRAINING, true)) {
                float[] y = probe.output(x, shape);
                float[] g = probe.gradients(x, shape, r).get("x");
                for (int i = 0; i < n; i++) {
                    double factor = layer instanceof GaussianNoise ? 1
                            : layer instanceof AlphaDropout d ? (Math.abs(y[i] - (d.a() * x[i] + d.b())) < 1e-5
                            ? d.a() : 0) : y[i] / x[i];
                    double want = r[i] * factor;
                    assertEquals(want, g[i], 1e-4 * Math.max(1, Math.abs(want)), layer + " [" + i + "]");
                }
                float h = 0.1f; // the pass is linear in x for a fixed draw, so a wide step is exact
                for (int i = 0; i < n; i += 7) {
                    float old = x[i];
                    x[i] = old + h;
                    double up = probe.probe(x, shape, r);
                    x[i] = old - h;
                    double down = probe.probe(x, shape, r);
                    x[i] = old;
                    assertEquals(g[i], (up - down) / (2 * h), 2e-3, layer + ": finite difference [" + i + "]");
                }
            }
        }
    }

    @Test
    void activityRegularizationPenalizesInTrainingAndEvaluation() {
        float[][] rows = {{1f, -2f, 0.5f}, {0f, 3f, -1f}};
        double l1 = 0.1;
        double l2 = 0.02;
        double sumAbs = 7.5;
        double sumSq = 1 + 4 + 0.25 + 9 + 1;
        Sequential spec = model(new int[] {3}, ActivityRegularization.of(l1, l2));
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(), Loss.meanSquaredError()))) {
            for (boolean training : new boolean[] {true, false}) {
                List<RegularizationValue> losses = m.losses(rows, training);
                assertEquals(1, losses.size());
                assertEquals("activity_regularization/activity_regularizer", losses.get(0).name());
                assertEquals((l1 * sumAbs + l2 * sumSq) / 2, losses.get(0).value(), 1e-6, "divided by the batch size");
            }
        }
    }

    @Test
    void onlyTheTrainingPassHoldsRandomOps() {
        for (Layer layer : randomLayers()) {
            try (Model m = Model.compile(model(exampleOf(layer), layer),
                    TrainingConfig.of(Optimizer.sgd(), Loss.meanSquaredError()))) {
                assertFalse(types(m.inferenceGraph().graph().operations()).stream()
                        .anyMatch(t -> t.contains("Random")), layer + ": the INFER graph");
                assertTrue(types(m.trainingGraph().graph().operations()).stream()
                        .anyMatch(t -> t.startsWith("Stateless")), layer + ": the training graph draws statelessly");
            }
        }
    }

    @Test
    void aModelWithEveryNoiseLayerTrains() {
        // The weights reach the loss through ops shaped by the random draws: the gradient builder must pass them.
        Sequential spec = Sequential.create().input(4, 6).add(Dense.units(6)).add(GaussianNoise.stddev(0.1))
                .add(GaussianDropout.rate(0.1)).add(AlphaDropout.rate(0.1)).add(SpatialDropout1D.rate(0.1))
                .add(ActivityRegularization.of(0.001, 0.001)).add(Flatten.create()).add(Dense.units(1));
        float[] x = normal(16 * 24, 7);
        float[] y = new float[16];
        for (int i = 0; i < 16; i++) {
            y[i] = x[i * 24];
        }
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(0.01), Loss.meanSquaredError()))) {
            WeightSet before = m.weights();
            History h = m.fit(Dataset.of(x, TensorShape.of(4, 6), y, TensorShape.of(1)),
                    FitOptions.epochs(2).batchSize(8).quiet());
            assertTrue(Double.isFinite(h.last("loss")), h.toString());
            assertFalse(before.sameAs(m.weights()), "the weights moved");
        }
    }

    private static List<String> types(Iterator<GraphOperation> ops) {
        List<String> out = new java.util.ArrayList<>();
        ops.forEachRemaining(op -> out.add(op.type()));
        return out;
    }

    @Test
    void gaussianNoiseDrawsAStatelessNormalBehindStopGradient() {
        NoisePass pass = NoisePass.run(model(new int[] {10}, GaussianNoise.stddev(0.2)), TowerMode.TRAINING, true,
                3, 11, filled(20, 0f), new long[] {2, 10});
        assertTrue(pass.opTypes().containsAll(List.of("StatelessRandomNormal", "StopGradient")),
                pass.opTypes().toString());
    }
}
