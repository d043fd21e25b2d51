package dev.strata.graph;

import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Embedding;
import dev.strata.spec.layers.GlobalAveragePooling1D;
import dev.strata.spec.layers.GlobalMaxPooling1D;
import dev.strata.train.Model;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * GlobalAveragePooling1D after {@code Embedding(mask_zero=True)} averages the unmasked steps only, as Keras 3
 * does: with embeddings {@code [[0, 1], [2, 3], ..., [8, 9]]} (row i = (2i, 2i + 1)), Keras 3.15.1 predicts
 * [[3, 4], [6, 7], [5.5, 6.5]] for the token rows below; without the mask it would be [[1.5, 2], ...].
 */
class MaskedPoolingTest {
    private static final float[][] TOKENS = {{1, 2, 0, 0}, {3, 0, 0, 0}, {4, 4, 1, 2}};

    private static float[][] predict(Sequential spec) {
        return predict(spec, 0f);
    }

    /** Embedding row i is (2i, 2i + 1), except row 0 (the masked token), which is (row0, row0 + 1). */
    private static float[][] predict(Sequential spec, float row0) {
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(0.1), Loss.meanSquaredError()))) {
            float[] table = new float[10];
            for (int i = 0; i < table.length; i++) {
                table[i] = i;
            }
            table[0] = row0;
            table[1] = row0 + 1;
            String name = m.weights().entries().keySet().iterator().next();
            m.setWeights(new WeightSet(Map.of(name, new WeightSet.Entry(new long[] {5, 2}, table))));
            return m.predict(TOKENS);
        }
    }

    @Test
    void averagesUnmaskedStepsLikeKeras() {
        float[][] y = predict(Sequential.create().input(4).add(Embedding.of(5, 2).maskZero(true))
                .add(GlobalAveragePooling1D.create()));
        assertArrayEquals(new float[] {3f, 4f}, y[0], 1e-6f);
        assertArrayEquals(new float[] {6f, 7f}, y[1], 1e-6f);
        assertArrayEquals(new float[] {5.5f, 6.5f}, y[2], 1e-6f);
    }

    @Test
    void withoutAMaskAveragesEveryStep() {
        float[][] y = predict(Sequential.create().input(4).add(Embedding.of(5, 2))
                .add(GlobalAveragePooling1D.create()));
        assertArrayEquals(new float[] {1.5f, 2.5f}, y[0], 1e-6f); // (2 + 4 + 0 + 0) / 4, (3 + 5 + 1 + 1) / 4
    }

    @Test
    void maxPoolingIgnoresTheMaskAsKeras3Does() {
        // Keras 3.15.1 with row 0 = (50, 50): [[50, 50]] for tokens (1, 2, 0, 0).
        float[][] y = predict(Sequential.create().input(4).add(Embedding.of(5, 2).maskZero(true))
                .add(GlobalMaxPooling1D.create()), 50f);
        assertArrayEquals(new float[] {50f, 51f}, y[0], 1e-6f);
    }
}
