package dev.strata.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.json.Dialect;
import dev.strata.json.JsonSpecException;
import dev.strata.json.ModelJson;
import dev.strata.spec.layers.ActivityRegularization;
import dev.strata.spec.layers.AlphaDropout;
import dev.strata.spec.layers.DataFormat;
import dev.strata.spec.layers.GaussianDropout;
import dev.strata.spec.layers.GaussianNoise;
import dev.strata.spec.layers.SpatialDropout1D;
import dev.strata.spec.layers.SpatialDropout2D;
import dev.strata.spec.layers.SpatialDropout3D;
import org.junit.jupiter.api.Test;

/**
 * The regularization layers read from the configs tf.keras 2 and Keras 1 wrote (the golden cases cover Keras 3),
 * refuse what Keras 3 refuses, and write Keras 3's keys.
 */
class RegularizationLayerConfigsTest {

    /** A one-layer Keras 2 Sequential (the layer carries {@code batch_input_shape}). */
    private static Layer keras2(String className, int[] input, String config) {
        StringBuilder shape = new StringBuilder("[null");
        for (int d : input) {
            shape.append(", ").append(d);
        }
        String json = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"m\", \"layers\": [{\"class_name\": \""
                + className + "\", \"config\": {\"name\": \"l\", \"trainable\": true, \"dtype\": \"float32\", "
                + "\"batch_input_shape\": " + shape + "], " + config + "}}]}}";
        return ((Sequential) ModelJson.read(json).spec()).layers().get(0);
    }

    @Test
    void tfKeras2ConfigsLoad() {
        GaussianNoise noise = (GaussianNoise) keras2("GaussianNoise", new int[] {4}, "\"stddev\": 0.2");
        assertEquals(0.2, noise.stddev());
        assertNull(noise.seed(), "tf.keras 2 before 2.12 wrote no seed");
        assertEquals(0.3, ((GaussianDropout) keras2("GaussianDropout", new int[] {4}, "\"rate\": 0.3")).rate());
        AlphaDropout alpha = (AlphaDropout) keras2("AlphaDropout", new int[] {4}, "\"rate\": 0.1, \"seed\": 9");
        assertEquals(0.1, alpha.rate());
        assertEquals(9L, alpha.seed());
        // tf.keras 2 spatial dropout wrote Dropout's config: trainable and noise_shape, no data_format.
        SpatialDropout2D sd2 = (SpatialDropout2D) keras2("SpatialDropout2D", new int[] {5, 5, 3},
                "\"rate\": 0.2, \"noise_shape\": null, \"seed\": null");
        assertEquals(0.2, sd2.rate());
        assertEquals(DataFormat.CHANNELS_LAST, sd2.dataFormat());
        SpatialDropout1D sd1 = (SpatialDropout1D) keras2("SpatialDropout1D", new int[] {5, 3},
                "\"rate\": 0.4, \"noise_shape\": [null, 1, 3], \"seed\": 2");
        assertEquals(0.4, sd1.rate(), "tf.keras 2 overrode any noise_shape with the spatial one");
        assertEquals(2L, sd1.seed());
        ActivityRegularization act = (ActivityRegularization) keras2("ActivityRegularization", new int[] {4},
                "\"l1\": 0.01, \"l2\": 0.0");
        assertEquals(new L1L2(0.01, 0.0), act.activityRegularizer());
    }

    private static String layer1(String className, String config) {
        return "{\"class_name\": \"" + className + "\", \"config\": {\"trainable\": true, " + config + "}}";
    }

    @Test
    void keras1ConfigsLoad() {
        String json = "{\"class_name\": \"Sequential\", \"config\": ["
                + layer1("GaussianNoise", "\"name\": \"gaussiannoise_1\", \"batch_input_shape\": [null, 3, 6, 6], "
                + "\"input_dtype\": \"float32\", \"sigma\": 0.3") + ", "
                + layer1("GaussianDropout", "\"name\": \"gd\", \"p\": 0.25") + ", "
                + layer1("SpatialDropout2D", "\"name\": \"sd\", \"p\": 0.1, \"dim_ordering\": \"th\"") + ", "
                + layer1("ActivityRegularization", "\"name\": \"ar\", \"l1\": 0.0, \"l2\": 0.5") + "]}";
        Sequential s = (Sequential) ModelJson.read(json).spec();
        assertEquals(0.3, ((GaussianNoise) s.layer("gaussiannoise_1")).stddev());
        assertEquals(0.25, ((GaussianDropout) s.layer("gd")).rate());
        SpatialDropout2D sd = (SpatialDropout2D) s.layer("sd");
        assertEquals(0.1, sd.rate());
        assertEquals(DataFormat.CHANNELS_FIRST, sd.dataFormat());
        assertEquals(new L1L2(0, 0.5), s.layer("ar").activityRegularizer());
        assertEquals(s, ModelJson.read(ModelJson.write(s, Dialect.KERAS3)).spec(), "written back as Keras 3");
    }

    @Test
    void whatKeras3RefusesIsRefused() {
        assertThrows(JsonSpecException.class, () -> keras2("GaussianNoise", new int[] {4}, "\"stddev\": 1.5"),
                "Keras 3 accepts stddev in [0, 1] only");
        assertThrows(JsonSpecException.class, () -> keras2("GaussianDropout", new int[] {4}, "\"rate\": 1.0"));
        assertThrows(JsonSpecException.class, () -> keras2("AlphaDropout", new int[] {4},
                "\"rate\": 0.1, \"noise_shape\": [null, 4]"));
        assertThrows(JsonSpecException.class, () -> keras2("ActivityRegularization", new int[] {4},
                "\"l1\": -0.1"));
        assertThrows(JsonSpecException.class, () -> keras2("ActivityRegularization", new int[] {4},
                "\"l1\": 0.1, \"activity_regularizer\": null"), "Keras passes its own activity_regularizer");
        assertThrows(JsonSpecException.class, () -> keras2("SpatialDropout3D", new int[] {4},
                "\"rate\": 0.1, \"data_format\": \"channels_sideways\""));
        assertThrows(InvalidSpecException.class, () -> Sequential.create().input(4, 4).add(SpatialDropout2D.rate(0.1)),
                "SpatialDropout2D needs rank-4 inputs, as Keras's InputSpec(ndim=4)");
        assertThrows(InvalidSpecException.class, () -> Sequential.create().input(4).add(SpatialDropout1D.rate(0.1)));
    }

    @Test
    void keras3KeysAreWritten() throws Exception {
        Sequential s = Sequential.create().input(2, 3, 4, 5)
                .add(GaussianNoise.stddev(0.1).seed(3))
                .add(GaussianDropout.rate(0.2))
                .add(AlphaDropout.rate(0.1))
                .add(SpatialDropout3D.rate(0.3).dataFormat(DataFormat.CHANNELS_FIRST))
                .add(ActivityRegularization.of(0.01, 0.02));
        JsonNode layers = new ObjectMapper().readTree(ModelJson.write(s, Dialect.KERAS3)).get("config").get("layers");
        JsonNode noise = layers.get(1);
        assertEquals("GaussianNoise", noise.get("class_name").asText());
        assertEquals(0.1, noise.get("config").get("stddev").asDouble());
        assertEquals(3, noise.get("config").get("seed").asLong());
        assertTrue(layers.get(3).get("config").has("noise_shape"), "AlphaDropout writes noise_shape: null");
        assertTrue(layers.get(3).get("config").get("noise_shape").isNull());
        assertEquals("channels_first", layers.get(4).get("config").get("data_format").asText());
        assertFalse(layers.get(4).get("config").has("noise_shape"), "Keras 3 SpatialDropout3D takes no noise_shape");
        JsonNode act = layers.get(5).get("config");
        assertEquals(0.01, act.get("l1").asDouble());
        assertEquals(0.02, act.get("l2").asDouble());
        assertFalse(act.has("activity_regularizer"), "Keras 3 pops it from the config");
        for (int i = 1; i <= 5; i++) {
            assertFalse(layers.get(i).has("build_config"), layers.get(i) + ": built at init, no build_config");
        }
    }
}
