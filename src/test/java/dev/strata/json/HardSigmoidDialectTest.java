package dev.strata.json;

import dev.strata.spec.Activation;
import dev.strata.spec.Loss;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.Optimizer;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.ActivationLayer;
import dev.strata.train.Model;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keras 3 redefined {@code hard_sigmoid}: Keras 1, tf.keras 2 and TF.js compute {@code clip(0.2x + 0.5, 0, 1)},
 * Keras 3 {@code relu6(x + 3) / 6}. A file keeps the function of the Keras that wrote it (an LSTM trained with
 * Keras 2's default recurrent activation would otherwise change its outputs), and neither is written where the
 * reader would take the other.
 */
class HardSigmoidDialectTest {
    private static final float[][] X = {{-3f, -1f, 0f, 1f, 3f}};

    private static String activationModel(String versionKey) {
        return "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": [{\"class_name\": "
                + "\"Activation\", \"config\": {\"name\": \"a\", \"activation\": \"hard_sigmoid\", "
                + "\"batch_input_shape\": [null, 5]}}]}, " + versionKey + "}";
    }

    private static float[] predict(ModelSpec spec) {
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(0.1), Loss.meanSquaredError()))) {
            return m.predict(X)[0];
        }
    }

    @Test
    void keras2FilesKeepClipOfPointTwoXPlusHalf() {
        ReadResult r = ModelJson.read(activationModel("\"keras_version\": \"2.15.0\", \"backend\": \"tensorflow\""));
        assertEquals(Activation.HARD_SIGMOID_KERAS2, ((ActivationLayer) ((dev.strata.spec.Sequential) r.spec()).layers().get(0)).activation());
        // Hand-computed: clip(0.2x + 0.5, 0, 1).
        assertArrayEquals(new float[] {0f, 0.3f, 0.5f, 0.7f, 1f}, predict(r.spec()), 1e-7f);
        String again = ModelJson.write(r.spec(), Dialect.KERAS2);
        assertTrue(again.contains("\"hard_sigmoid\""), again);
        assertEquals(r.spec(), ModelJson.read(again).spec());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelJson.write(r.spec(), Dialect.KERAS3));
        assertTrue(e.getMessage().contains("clip(0.2x + 0.5, 0, 1)"), e.getMessage());
    }

    @Test
    void keras3FilesAndJavaSpecsUseRelu6OfXPlusThreeOverSix() {
        ReadResult r = ModelJson.read(activationModel("\"keras_version\": \"3.15.1\", \"backend\": \"tensorflow\""));
        assertEquals(Activation.HARD_SIGMOID, ((ActivationLayer) ((dev.strata.spec.Sequential) r.spec()).layers().get(0)).activation());
        assertArrayEquals(new float[] {0f, 2f / 6f, 0.5f, 4f / 6f, 1f}, predict(r.spec()), 1e-7f);
        assertEquals(Activation.HARD_SIGMOID, Activation.fromKerasName("hard_sigmoid"));
        assertThrows(IllegalArgumentException.class, () -> ModelJson.write(r.spec(), Dialect.KERAS2));
    }
}
