package dev.strata.testing;

import dev.strata.graph.WeightSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Small deterministic data and weights for tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /** {@code rows x cols} values uniform in [-1, 1) from a fixed seed. */
    public static float[][] uniform(int rows, int cols, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] out = new float[rows][cols];
        for (float[] row : out) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) (rng.nextDouble() * 2 - 1);
            }
        }
        return out;
    }

    public static float[] flat(float[][] m) {
        int cols = m[0].length;
        float[] out = new float[m.length * cols];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out, i * cols, cols);
        }
        return out;
    }

    /** Builds a weight set from alternating names and matrices (rank 2) or vectors (rank 1). */
    public static WeightSet weights(Object... nameThenValues) {
        Map<String, WeightSet.Entry> map = new LinkedHashMap<>();
        for (int i = 0; i < nameThenValues.length; i += 2) {
            String name = (String) nameThenValues[i];
            Object v = nameThenValues[i + 1];
            if (v instanceof float[][] m) {
                map.put(name, new WeightSet.Entry(new long[] {m.length, m[0].length}, flat(m)));
            } else {
                float[] vec = (float[]) v;
                map.put(name, new WeightSet.Entry(new long[] {vec.length}, vec.clone()));
            }
        }
        return new WeightSet(map);
    }

    /** Three-class labels from a fixed rule over the first features, one-hot. */
    public static float[][] threeClasses(float[][] x) {
        float[][] y = new float[x.length][3];
        for (int i = 0; i < x.length; i++) {
            int c = x[i][0] + x[i][1] > 0.3 ? 0 : (x[i][2] > 0 ? 1 : 2);
            y[i][c] = 1;
        }
        return y;
    }

    /** Relative closeness with an absolute floor for values near zero. */
    public static boolean close(double expected, double actual, double relative) {
        return Math.abs(expected - actual) <= relative * Math.max(1e-6, Math.abs(expected));
    }
}
