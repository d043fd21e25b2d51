package dev.strata.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import dev.strata.spec.WeightSpec;
import dev.strata.spec.layers.Conv1D;
import dev.strata.spec.layers.Conv1DTranspose;
import dev.strata.spec.layers.Conv2D;
import dev.strata.spec.layers.Conv2DTranspose;
import dev.strata.spec.layers.Conv3DTranspose;
import dev.strata.spec.layers.DataFormat;
import dev.strata.spec.layers.DepthwiseConv1D;
import dev.strata.spec.layers.DepthwiseConv2D;
import dev.strata.spec.layers.Padding;
import dev.strata.spec.layers.SeparableConv2D;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What the Keras golden cases cannot show: convolutions over inputs whose spatial sizes are unknown when the graph
 * is built (dilation paddings and transposed output sizes are then computed in the graph) give the same outputs and
 * gradients as over known sizes, and a channels-first Conv3DTranspose (which Keras cannot run on CPU) is its
 * channels-last twin between transposes.
 */
class ConvShapesTest {

    @Test
    void causalDilatedConv1dOverUnknownLengths() {
        Conv1D c = Conv1D.of(2, 3).padding(Padding.CAUSAL).dilationRate(2).name("c");
        for (int steps : new int[] {5, 8, 9}) {
            sameAsStatic(c, new int[] {-1, 3}, new int[] {steps, 3});
        }
    }

    @Test
    void dilatedConv2dOverUnknownSizes() {
        Conv2D c = Conv2D.of(2, 3, 2).padding(Padding.SAME).dilationRate(2, 3).groups(2).name("c");
        sameAsStatic(c, new int[] {-1, -1, 4}, new int[] {7, 6, 4});
        sameAsStatic(c.padding(Padding.VALID), new int[] {-1, 9, 4}, new int[] {8, 9, 4});
    }

    @Test
    void dilatedDepthwiseOverUnknownSizes() {
        sameAsStatic(DepthwiseConv1D.of(3).dilationRate(3).strides(1).name("c"), new int[] {-1, 2},
                new int[] {10, 2});
        sameAsStatic(DepthwiseConv2D.of(2).dilationRate(2).strides(2).depthMultiplier(2).name("c"),
                new int[] {-1, -1, 2}, new int[] {7, 8, 2});
        sameAsStatic(SeparableConv2D.of(3, 2).dilationRate(2).padding(Padding.SAME).name("c"),
                new int[] {-1, -1, 2}, new int[] {5, 6, 2});
    }

    @Test
    void transposedConvolutionsOverUnknownSizes() {
        sameAsStatic(Conv2DTranspose.of(2, 3).strides(2).name("c"), new int[] {-1, -1, 2}, new int[] {3, 4, 2});
        sameAsStatic(Conv2DTranspose.of(2, 3).strides(2).padding(Padding.SAME).outputPadding(1).name("c"),
                new int[] {-1, -1, 2}, new int[] {3, 4, 2});
        sameAsStatic(Conv1DTranspose.of(3, 2).strides(3).name("c"), new int[] {-1, 2}, new int[] {4, 2});
        sameAsStatic(Conv3DTranspose.of(2, 2).strides(2).padding(Padding.SAME).name("c"),
                new int[] {-1, 2, -1, 2}, new int[] {2, 2, 3, 2});
    }

    @Test
    void strideDilationSameDepthwiseNeedsKnownSizes() {
        DepthwiseConv2D c = DepthwiseConv2D.of(3).strides(2).dilationRate(2).padding(Padding.SAME).name("c");
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> Sequential.create().input(-1, 8, 2).add(c).summary());
        assertTrue(e.getMessage().contains("needs every spatial dimension defined"), e.getMessage());
    }

    @Test
    void channelsFirstConv3dTransposeIsTheChannelsLastOneBetweenTransposes() {
        Conv3DTranspose last = Conv3DTranspose.of(3, 2, 3, 2).strides(2, 1, 2).padding(Padding.SAME).name("c");
        Conv3DTranspose first = last.dataFormat(DataFormat.CHANNELS_FIRST);
        int[] lastShape = {2, 3, 2, 2};
        int[] firstShape = {2, 2, 3, 2};
        Sequential a = Sequential.create().input(lastShape).add(last);
        Sequential b = Sequential.create().input(firstShape).add(first);
        WeightSet w = weights(a, 7);
        float[] x = values(2 * 24, 3);
        float[] xFirst = permute(x, new int[] {2, 2, 3, 2, 2}, new int[] {0, 4, 1, 2, 3});
        long[] outLast = {2, 4, 3, 4, 3};
        float[] yLast = probe(a, w, x, shape(2, lastShape), null).get("y");
        float[] yFirst = probe(b, w, xFirst, shape(2, firstShape), null).get("y");
        assertEquals(TensorShape.of(3, 4, 3, 4), b.summary().layers().get(0).outputShape());
        assertClose("channels-first output", permute(yLast, toInts(outLast), new int[] {0, 4, 1, 2, 3}), yFirst);
    }

    /** Output and every gradient of {@code layer} over an input with unknown dims equal those over known ones. */
    private static void sameAsStatic(Layer layer, int[] dynamicShape, int[] staticShape) {
        Sequential dynamic = Sequential.create().input(dynamicShape).add(layer);
        Sequential fixed = Sequential.create().input(staticShape).add(layer);
        WeightSet w = weights(fixed, 5);
        long[] xShape = shape(2, staticShape);
        float[] x = values((int) Arrays.stream(xShape).reduce(1, (p, q) -> p * q), 11);
        Map<String, float[]> expected = probe(fixed, w, x, xShape, null);
        Map<String, float[]> actual = probe(dynamic, w, x, xShape, expected.get("r"));
        for (String k : expected.keySet()) {
            assertClose(layer + " " + Arrays.toString(staticShape) + ": " + k, expected.get(k), actual.get(k));
        }
    }

    private static Map<String, float[]> probe(Sequential spec, WeightSet w, float[] x, long[] xShape, float[] r) {
        try (LayerProbe p = new LayerProbe(spec, TowerMode.TRAINING, false)) {
            p.setWeights(w);
            Map<String, float[]> out = new LinkedHashMap<>();
            out.put("y", p.output(x, xShape));
            float[] rv = r != null ? r : values(out.get("y").length, 13);
            out.put("r", rv);
            out.putAll(p.gradients(x, xShape, rv));
            return out;
        }
    }

    private static WeightSet weights(Sequential spec, long seed) {
        Map<String, WeightSet.Entry> m = new LinkedHashMap<>();
        List<WeightSpec> specs = spec.summary().layers().get(0).weights();
        for (WeightSpec s : specs) {
            long[] shape = Arrays.stream(s.shape()).asLongStream().toArray();
            m.put("c/" + s.name(), new WeightSet.Entry(shape, values((int) s.size(), seed++)));
        }
        return new WeightSet(m);
    }

    private static float[] values(int n, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    private static long[] shape(int batch, int[] example) {
        long[] s = new long[example.length + 1];
        s[0] = batch;
        for (int i = 0; i < example.length; i++) {
            s[i + 1] = example[i];
        }
        return s;
    }

    private static int[] toInts(long[] v) {
        return Arrays.stream(v).mapToInt(l -> (int) l).toArray();
    }

    /** {@code out[j] = in[perm]}: numpy's {@code transpose(perm)} of a row-major array. */
    private static float[] permute(float[] in, int[] dims, int[] perm) {
        int[] outDims = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            outDims[i] = dims[perm[i]];
        }
        int[] inStrides = strides(dims);
        int[] outStrides = strides(outDims);
        float[] out = new float[in.length];
        for (int j = 0; j < out.length; j++) {
            int src = 0;
            for (int i = 0; i < dims.length; i++) {
                src += (j / outStrides[i] % outDims[i]) * inStrides[perm[i]];
            }
            out[j] = in[src];
        }
        return out;
    }

    private static int[] strides(int[] dims) {
        int[] s = new int[dims.length];
        int acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= dims[i];
        }
        return s;
    }

    private static void assertClose(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 1e-6;
        for (float v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(expected[i] - actual[i]) <= 1e-5 * scale, what + ": entry " + i + " is " + actual[i]
                    + ", expected " + expected[i]);
        }
    }
}
