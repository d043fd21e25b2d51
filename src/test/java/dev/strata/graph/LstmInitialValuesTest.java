package dev.strata.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.LSTM;
import dev.strata.train.Model;
import org.junit.jupiter.api.Test;

/** An LSTM starts as Keras's: forget-gate bias 1 with unit_forget_bias, an orthogonal recurrent kernel. */
class LstmInitialValuesTest {
    private static WeightSet initial(LSTM lstm) {
        Sequential spec = Sequential.named("s").input(3, 2).add(lstm.name("lstm"));
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(0.1), Loss.meanSquaredError()))) {
            return m.weights();
        }
    }

    @Test
    void unitForgetBiasStartsTheForgetGateAtOne() {
        float[] bias = initial(LSTM.units(4)).values("lstm/bias");
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0}, bias);
        assertArrayEquals(new float[16], initial(LSTM.units(4).unitForgetBias(false)).values("lstm/bias"));
    }

    @Test
    void theRecurrentKernelHasOrthonormalRows() {
        float[] r = initial(LSTM.units(4)).values("lstm/recurrent_kernel"); // (4, 16)
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                double dot = 0;
                for (int k = 0; k < 16; k++) {
                    dot += r[a * 16 + k] * r[b * 16 + k];
                }
                assertEquals(a == b ? 1 : 0, dot, 1e-5);
            }
        }
    }
}
