package dev.strata.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.spec.IntTuple;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.LayerSummary;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.NumberArray;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import dev.strata.spec.WeightSpec;
import dev.strata.spec.layers.CenterCrop;
import dev.strata.spec.layers.DataFormat;
import dev.strata.spec.layers.Dropout;
import dev.strata.spec.layers.GroupNormalization;
import dev.strata.spec.layers.Identity;
import dev.strata.spec.layers.Masking;
import dev.strata.spec.layers.Normalization;
import dev.strata.spec.layers.Rescaling;
import dev.strata.spec.layers.UnitNormalization;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The preprocessing and normalization layers added after the golden harness's cases: the Keras 2 forms the
 * harness does not write (EfficientNetB0's {@code Normalization(axis=[3])}, {@code axis: null}, NumPy-serialized
 * scales), both dialects written and read back, and each bad value refused with the layer, field and JSON path.
 */
class PreprocessingLayersJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One layer after an input of the given shape, read as Keras 2 writes a Sequential model. */
    private static Sequential one(String inputShape, String className, String config) {
        String json = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"m\", \"layers\": ["
                + "{\"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": [null, " + inputShape + "]}},"
                + "{\"class_name\": \"" + className + "\", \"config\": " + config + "}]}}";
        return (Sequential) ModelJson.read(json).spec();
    }

    /**
     * The error, which must point at the layer (its config for a bad value) and name the field: as its feature (a
     * rule of the spec) or by its path (a value the reader cannot parse).
     */
    private static JsonSpecException refused(String inputShape, String className, String config, String field) {
        JsonSpecException e = assertThrows(JsonSpecException.class, () -> one(inputShape, className, config));
        assertTrue(e.path().startsWith("$.config.layers[1]"), e.getMessage());
        assertTrue(field.equals(e.feature()) || e.path().startsWith("$.config.layers[1].config." + field),
                e.getMessage());
        return e;
    }

    private static void roundTrips(Sequential s) {
        for (Dialect d : Dialect.values()) {
            assertEquals(s, ModelJson.read(ModelJson.write(s, d)).spec(), d.toString());
        }
    }

    private static JsonNode writtenConfig(Sequential s, Dialect d, int layer) throws IOException {
        JsonNode root = MAPPER.readTree(ModelJson.write(s, d));
        return root.get("config").get("layers").get(layer).get("config");
    }

    @Test
    void efficientNetStemReadsWithKerasWeights() throws IOException {
        ModelSpec spec = ModelJson.read(KerasCorpusTest.CORPUS.resolve(
                "kotlindl_efficientnetb0_functional_keras250.json")).spec();
        List<LayerSummary> rows = spec.summary().layers();
        LayerSummary rescaling = rows.stream().filter(r -> r.layer().name().equals("rescaling")).findFirst()
                .orElseThrow();
        assertEquals(Rescaling.of(1 / 255.0).name("rescaling"), rescaling.layer());
        LayerSummary norm = rows.stream().filter(r -> r.layer().name().equals("normalization")).findFirst()
                .orElseThrow();
        assertEquals(Normalization.axis(3).name("normalization"), norm.layer());
        assertEquals("[mean[3], variance[3], count[]]", norm.weights().toString());
        assertTrue(norm.weights().stream().allMatch(w -> w.kind() == WeightSpec.Kind.FROZEN));
        assertEquals(7, norm.paramCount());
        assertEquals(0, norm.trainableParamCount());
    }

    @Test
    void normalizationReadsEveryKerasAxisAndStatisticsForm() throws IOException {
        Normalization none = (Normalization) one("3", "Normalization", "{\"name\": \"n\", \"axis\": null}")
                .layer("n");
        assertEquals(IntTuple.of(), none.axis());
        assertEquals(none, one("3", "Normalization", "{\"name\": \"n\", \"axis\": []}").layer("n"));
        assertEquals("[mean[], variance[], count[]]", Sequential.create().input(3).add(none).summary().layers()
                .get(0).weights().toString());
        Normalization fixed = (Normalization) one("2, 3", "Normalization", "{\"name\": \"n\", \"axis\": [1, 2], "
                + "\"mean\": [[1.0, 2.0, 3]], \"variance\": [[4.0, 5.0, 6.0]], \"invert\": true}").layer("n");
        assertEquals(NumberArray.of(new int[] {1, 3}, new double[] {1, 2, 3}), fixed.mean());
        assertTrue(fixed.invert());
        Sequential s = Sequential.create().input(2, 3).add(fixed);
        assertEquals(List.of(), s.summary().layers().get(0).weights(), "statistics in the config are no weights");
        roundTrips(s);
        JsonNode k3 = writtenConfig(s, Dialect.KERAS3, 1);
        assertEquals("[1,2]", k3.get("axis").toString());
        assertEquals("[[1.0,2.0,3.0]]", k3.get("mean").toString());
        JsonNode defaults = writtenConfig(Sequential.create().input(3).add(Normalization.create()), Dialect.KERAS3, 1);
        assertEquals("[-1]", defaults.get("axis").toString());
        assertTrue(defaults.get("mean").isNull() && defaults.get("variance").isNull());
        roundTrips(Sequential.create().input(4).add(Normalization.noAxis().statistics(2, 4)));
    }

    @Test
    void rescalingReadsNumbersListsAndNumpyArrays() {
        Rescaling numpy = (Rescaling) one("2, 3", "Rescaling", "{\"name\": \"r\", \"scale\": {\"class_name\": "
                + "\"__numpy__\", \"config\": {\"value\": [1.0, 2.0, 3.0], \"dtype\": \"float32\"}}, \"offset\": 0.5}")
                .layer("r");
        assertEquals(Rescaling.of(1).scale(1, 2, 3).offset(0.5).name("r"), numpy);
        Rescaling defaults = (Rescaling) one("3", "Rescaling", "{\"name\": \"r\", \"scale\": 2}").layer("r");
        assertEquals(NumberArray.scalar(0.0), defaults.offset());
        roundTrips(Sequential.create().input(2, 3).add(numpy));
        roundTrips(Sequential.create().input(2, 3).add(Rescaling.of(1 / 127.5, -1)));
    }

    @Test
    void theOtherLayersRoundTripInBothDialects() throws IOException {
        roundTrips(Sequential.create().input(4).add(Identity.create()));
        roundTrips(Sequential.create().input(3, 4).add(UnitNormalization.axis(1, -1)));
        roundTrips(Sequential.create().input(6, 2, 2).add(GroupNormalization.groups(3).axis(1).epsilon(1e-5)
                .center(false).trainable(false)));
        roundTrips(Sequential.create().input(5, 3).add(Masking.value(-1)));
        Sequential crop = Sequential.create().input(3, 6, 7).add(CenterCrop.of(4, 5)
                .dataFormat(DataFormat.CHANNELS_FIRST));
        roundTrips(crop);
        assertEquals("channels_first", writtenConfig(crop, Dialect.KERAS2, 1).get("data_format").asText());
        Sequential cropLast = Sequential.create().input(6, 7, 3).add(CenterCrop.of(4, 5));
        assertTrue(!writtenConfig(cropLast, Dialect.KERAS2, 1).has("data_format"), "tf.keras 2 has no data_format");
        assertEquals(TensorShape.of(4, 5, 3), cropLast.summary().layers().get(0).outputShape());
        Sequential drop = Sequential.create().input(4, 4, 3).add(Dropout.rate(0.2).noiseShape(-1, 1, 1, 1));
        roundTrips(drop);
        assertEquals("[null,1,1,1]", writtenConfig(drop, Dialect.KERAS3, 1).get("noise_shape").toString());
        GroupNormalization gn = (GroupNormalization) one("4", "GroupNormalization", "{\"name\": \"g\", \"groups\": "
                + "-1}").layer("g");
        assertEquals(4, gn.groupCount(TensorShape.of(4), "g"), "-1 is one group per channel");
        Dropout keras2 = (Dropout) one("3, 2", "Dropout", "{\"name\": \"d\", \"rate\": 0.5, \"noise_shape\": "
                + "[null, 1, 2]}").layer("d");
        assertEquals(IntTuple.of(-1, 1, 2), keras2.noiseShape());
        assertNull(((Dropout) one("3", "Dropout", "{\"name\": \"d\", \"rate\": 0.5}").layer("d")).noiseShape());
    }

    @Test
    void badValuesAreRefusedNamingTheLayerAndField() {
        assertTrue(refused("3", "Rescaling", "{}", "scale").getMessage().contains("required"));
        assertTrue(refused("3", "Rescaling", "{\"scale\": [[1.0, 2.0], [3.0]]}", "scale").getMessage()
                .contains("ragged"));
        assertTrue(refused("3", "Rescaling", "{\"scale\": \"big\"}", "scale").getMessage().contains("number"));
        assertTrue(refused("2, 3", "Rescaling", "{\"scale\": [1.0, 2.0]}", "scale").getMessage()
                .contains("1 or the input's size"));
        assertTrue(refused("3", "Rescaling", "{\"scale\": 1.0, \"offset\": [[[1.0, 2.0, 3.0]]]}", "offset")
                .getMessage().contains("broadcast over the batch"));
        assertTrue(refused("3", "Normalization", "{\"mean\": 1.0}", "variance").getMessage().contains("together"));
        assertTrue(refused("3", "Normalization", "{\"mean\": [1.0, 2.0, 3.0], \"variance\": [1.0, 2.0]}",
                "variance").getMessage().contains("shape of mean"));
        assertTrue(refused("3", "Normalization", "{\"mean\": 1.0, \"variance\": -1.0}", "variance").getMessage()
                .contains(">= 0"));
        assertTrue(refused("3", "Normalization", "{\"mean\": [1.0, 2.0], \"variance\": [1.0, 2.0]}", "mean")
                .getMessage().contains("entries where kept axis"));
        assertTrue(refused("3", "Normalization", "{\"axis\": 0}", "axis").getMessage().contains("batch axis"));
        assertTrue(refused("2, 3", "Normalization", "{\"axis\": [1, -2]}", "axis").getMessage().contains("twice"));
        assertTrue(refused("6", "GroupNormalization", "{\"groups\": 4}", "groups").getMessage().contains("divide"));
        assertTrue(refused("6", "GroupNormalization", "{\"groups\": 8}", "groups").getMessage().contains("more"));
        assertTrue(refused("6", "GroupNormalization", "{\"groups\": 0}", "groups").getMessage().contains("-1"));
        assertTrue(refused("6", "GroupNormalization", "{\"axis\": 2}", "axis").getMessage().contains("out of bounds"));
        assertTrue(refused("6", "GroupNormalization", "{\"groups\": 2, \"center\": false, \"beta_regularizer\": "
                + "\"l2\"}", "beta_regularizer").getMessage().contains("no beta"));
        assertTrue(refused("3", "UnitNormalization", "{\"axis\": 0}", "axis").getMessage().contains("batch axis"));
        assertTrue(refused("3", "UnitNormalization", "{\"axis\": []}", "axis").getMessage().contains("at least"));
        assertTrue(refused("3, 4, 2", "CenterCrop", "{\"height\": 4, \"width\": 2}", "height").getMessage()
                .contains("smart_resize"));
        assertTrue(refused("3, 4, 2", "CenterCrop", "{\"height\": 0, \"width\": 2}", "height").getMessage()
                .contains("positive"));
        assertTrue(refused("3, 4, 2", "CenterCrop", "{\"height\": 2}", "width").getMessage().contains("required"));
        assertTrue(refused("4", "Masking", "{}", "input").getMessage().contains("(batch, steps, features)"));
        assertTrue(refused("4, 3", "Dropout", "{\"rate\": 0.1, \"noise_shape\": [null, 1]}", "noise_shape")
                .getMessage().contains("one entry per axis"));
        assertTrue(refused("4, 3", "Dropout", "{\"rate\": 0.1, \"noise_shape\": [null, 2, 3]}", "noise_shape")
                .getMessage().contains("null, 1 or"));
        assertTrue(refused("4, 3", "Dropout", "{\"rate\": 0.1, \"noise_shape\": [null, 0, 3]}", "noise_shape")
                .getMessage().contains("positive"));
        InvalidSpecException dsl = assertThrows(InvalidSpecException.class, () -> Sequential.create().input(6)
                .add(GroupNormalization.groups(4)).summary());
        assertTrue(dsl.getMessage().contains("GroupNormalization") && "groups".equals(dsl.field()), dsl.getMessage());
    }
}
