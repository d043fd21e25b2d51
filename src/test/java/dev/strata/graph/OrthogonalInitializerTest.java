package dev.strata.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.json.Dialect;
import dev.strata.json.ModelJson;
import dev.strata.spec.Initializer;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Sequential;
import dev.strata.spec.WeightSpec;
import dev.strata.spec.layers.Dense;
import org.junit.jupiter.api.Test;

/** Keras's Orthogonal initializer: orthonormal rows or columns, the gain, the seed, and its JSON in both dialects. */
class OrthogonalInitializerTest {

    /** (rows x cols) row-major: the Gram matrix of the shorter side is gain^2 * I. */
    private static void assertOrthogonal(float[] w, int rows, int cols, double gain) {
        boolean tall = rows >= cols;
        int n = Math.min(rows, cols);
        int m = Math.max(rows, cols);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double dot = 0;
                for (int k = 0; k < m; k++) {
                    double x = tall ? w[k * cols + a] : w[a * cols + k];
                    double y = tall ? w[k * cols + b] : w[b * cols + k];
                    dot += x * y;
                }
                assertEquals(a == b ? gain * gain : 0, dot, 1e-5, "(" + a + ", " + b + ") of " + rows + "x" + cols);
            }
        }
    }

    @Test
    void tallWideAndConvolutionShapesAreOrthogonalTimesTheGain() {
        assertOrthogonal(InitialValues.sample(Initializer.orthogonal(), new int[] {12, 5}, 1), 12, 5, 1);
        // An LSTM's recurrent kernel (units, 4 units): orthonormal rows.
        assertOrthogonal(InitialValues.sample(new Initializer.Orthogonal(2.0, null), new int[] {6, 24}, 2), 6, 24, 2);
        // A 3x3 convolution kernel flattens to (3 * 3 * 4, 8).
        assertOrthogonal(InitialValues.sample(Initializer.orthogonal(), new int[] {3, 3, 4, 8}, 3), 36, 8, 1);
        assertOrthogonal(InitialValues.sample(Initializer.orthogonal(), new int[] {7, 7}, 4), 7, 7, 1);
    }

    @Test
    void theSeedFixesTheValuesAndDifferentSeedsDiffer() {
        float[] a = InitialValues.sample(new Initializer.Orthogonal(1.0, 42L), new int[] {4, 4}, 1);
        float[] b = InitialValues.sample(new Initializer.Orthogonal(1.0, 42L), new int[] {4, 4}, 99);
        float[] c = InitialValues.sample(new Initializer.Orthogonal(1.0, 43L), new int[] {4, 4}, 1);
        assertArrayEquals(a, b, "an explicit seed wins over the derived one");
        assertTrue(!java.util.Arrays.equals(a, c));
    }

    @Test
    void aVectorIsRefusedAsKerasRefusesIt() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> new WeightSpec("bias",
                WeightSpec.Role.BIAS, WeightSpec.Kind.TRAINABLE, new int[] {3}, Initializer.orthogonal(), null, null,
                null));
        assertTrue(e.getMessage().contains("rank >= 2"), e.getMessage());
    }

    @Test
    void readsKerasConfigsAndStringsAndWritesBothDialects() {
        String keras3 = """
                {"class_name": "Sequential", "config": {"name": "s", "layers": [
                  {"class_name": "InputLayer", "config": {"batch_shape": [null, 3]}},
                  {"class_name": "Dense", "config": {"name": "d", "units": 2, "kernel_initializer":
                    {"module": "keras.initializers", "class_name": "Orthogonal", "config": {"seed": 7, "gain": 1.5},
                     "registered_name": null}}},
                  {"class_name": "Dense", "config": {"name": "e", "units": 2, "kernel_initializer": "orthogonal"}}]}}""";
        Sequential s = (Sequential) ModelJson.read(keras3).spec();
        assertEquals(new Initializer.Orthogonal(1.5, 7L), ((Dense) s.layers().get(0)).kernelInitializer());
        assertEquals(Initializer.orthogonal(), ((Dense) s.layers().get(1)).kernelInitializer());
        for (Dialect d : Dialect.values()) {
            assertEquals(s, ModelJson.read(ModelJson.write(s, d)).spec(), d.toString());
        }
        String k3 = ModelJson.write(s, Dialect.KERAS3).replaceAll("\\s", "");
        assertTrue(k3.contains("\"class_name\":\"Orthogonal\",\"config\":{\"seed\":7,\"gain\":1.5}"), k3);
        String k2 = ModelJson.write(s, Dialect.KERAS2).replaceAll("\\s", "");
        assertTrue(k2.contains("\"class_name\":\"Orthogonal\",\"config\":{\"gain\":1.5,\"seed\":7}"), k2);
    }
}
