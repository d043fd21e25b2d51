package dev.strata.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.spec.Layer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import dev.strata.spec.layers.AveragePooling2D;
import dev.strata.spec.layers.Cropping2D;
import dev.strata.spec.layers.DataFormat;
import dev.strata.spec.layers.GlobalMaxPooling1D;
import dev.strata.spec.layers.Interpolation;
import dev.strata.spec.layers.MaxPooling2D;
import dev.strata.spec.layers.Padding;
import dev.strata.spec.layers.RepeatVector;
import dev.strata.spec.layers.Reshape;
import dev.strata.spec.layers.UpSampling1D;
import dev.strata.spec.layers.UpSampling2D;
import dev.strata.spec.layers.ZeroPadding2D;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The kernels' runtime-shape paths: a model over images of unknown size (Keras's {@code (None, None, C)}) computes
 * what the same model computes over a known size (the path the golden fixtures check against Keras), values and
 * gradients both.
 */
class UnknownSpatialDimsTest {

    private static final List<Layer> LAYERS = List.of(
            UpSampling2D.size(2, 3),
            Cropping2D.pairs(1, 0, 2, 1),
            ZeroPadding2D.pairs(0, 1, 1, 0).dataFormat(DataFormat.CHANNELS_FIRST),
            UpSampling2D.size(2, 1).interpolation(Interpolation.BILINEAR).dataFormat(DataFormat.CHANNELS_FIRST),
            MaxPooling2D.poolSize(3).strides(2).padding(Padding.SAME),
            AveragePooling2D.poolSize(2).padding(Padding.SAME),
            Reshape.to(-1, 3),
            UpSampling1D.size(3),
            GlobalMaxPooling1D.create(),
            RepeatVector.times(2));

    private static Sequential model(TensorShape input) {
        Sequential s = Sequential.create().input(input);
        for (Layer l : LAYERS) {
            s = s.add(l);
        }
        return s;
    }

    @Test
    void unknownImageSizeComputesWhatAKnownOneDoes() {
        Sequential known = model(TensorShape.of(5, 4, 2));
        Sequential unknown = model(TensorShape.of(TensorShape.UNKNOWN, TensorShape.UNKNOWN, 2));
        assertEquals(TensorShape.of(2, 3), known.summary().outputShape());
        assertEquals(TensorShape.of(2, 3), unknown.summary().outputShape());
        assertEquals(TensorShape.of(TensorShape.UNKNOWN, 3), unknown.summary().layers().get(6).outputShape());

        long[] shape = {2, 5, 4, 2};
        float[] x = new float[2 * 5 * 4 * 2];
        Random rnd = new Random(7);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        float[] r = {0.3f, -1.2f, 0.7f, 0.1f, -0.4f, 0.9f, 1.1f, -0.8f, 0.5f, -0.2f, 1.4f, -0.6f};
        try (LayerProbe a = new LayerProbe(known, TowerMode.TRAINING, false);
             LayerProbe b = new LayerProbe(unknown, TowerMode.TRAINING, false)) {
            assertArrayEquals(a.output(x, shape), b.output(x, shape), 1e-6f);
            Map<String, float[]> ga = a.gradients(x, shape, r);
            Map<String, float[]> gb = b.gradients(x, shape, r);
            assertArrayEquals(ga.get("x"), gb.get("x"), 1e-6f);
        }
    }
}
