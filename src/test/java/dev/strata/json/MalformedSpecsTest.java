package dev.strata.json;

import dev.strata.json.JsonSpecException.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each malformed spec fails with a typed error of the right kind, at the right JSON path, saying why. */
class MalformedSpecsTest {
    static final Path DIR = Path.of("src/test/resources/json/invalid");

    static JsonSpecException failure(String file) {
        return assertThrows(JsonSpecException.class, () -> ModelJson.read(DIR.resolve(file)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            i01_truncated.json                      | SYNTAX      | $.config.layers[1].config.units                     | Unexpected end-of-input
            i02_units_wrong_type.json               | INVALID     | $.config.layers[1].config.units                     | must be an integer. Received: units="64" (a string)
            i03_negative_units.json                 | INVALID     | $.config.layers[2].config.units                     | must be a positive integer. Received: units=-3
            i04_unknown_regularizer.json            | INVALID     | $.config.layers[1].config.kernel_regularizer        | unknown regularizer 'L3'
            i05_lambda.json                         | UNSAFE      | $.config.layers[2]                                  | Lambda layer (name: lambda_1) carries Python code
            i06_cycle.json                          | INVALID     | $.config.layers[1].inbound_nodes                    | is part of a cycle: a -> b -> a
            i07_missing_input_shape.json            | INVALID     | $.config.layers[0]                                  | the model has no input shape
            i08_huge_units.json                     | TOO_LARGE   | $.config.layers[1]                                  | the model has 10,000,000,000 parameters, more than the limit of 250,000,000
            i09_unknown_layer.json                  | UNSUPPORTED | $.config.layers[2]                                  | unsupported layer ConvLSTM2D (name: conv_lstm2d_1)
            i10_constraint.json                     | UNSUPPORTED | $.config.layers[1].config.kernel_constraint         | constraint RadialConstraint is not supported
            i11_nan_factor.json                     | INVALID     | $.config.layers[1].config.kernel_regularizer.config.l2 | must be a non-negative finite number. Received: l2=NaN
            i12_duplicate_names.json                | INVALID     | $.config.layers[2].config.name                      | is used by another input or layer of this model
            i13_noise_shape.json                    | UNSUPPORTED | $.config.layers[1].config.noise_shape               | noise_shape is not supported
            i14_float64.json                        | UNSUPPORTED | $.config.layers[1].config.dtype                     | dtype float64 is not supported
            i15_unknown_reference.json              | INVALID     | $.config.layers[1].inbound_nodes                    | refers to an unknown input or layer 'nope'
            i16_two_inbound_tensors.json            | INVALID     | $.config.layers[2].inbound_nodes                    | Dense takes one input tensor. Received 2
            i17_duplicate_key.json                  | SYNTAX      | $.config.layers[1].config.units                     | Duplicate field 'units'
            i18_unregistered_custom_regularizer.json | INVALID    | $.config.layers[1].config.kernel_regularizer        | unknown regularizer 'Unregistered>Mine'
            i19_subclassed_model.json               | UNSUPPORTED | $.class_name                                        | model class VAE is not supported
            i20_rate_out_of_range.json              | INVALID     | $.config.layers[1].config.rate                      | must be in [0, 1). Received: rate=1.0
            i21_unknown_field.json                  | UNSUPPORTED | $.config.layers[1].config.kernel_quantizer          | unknown field 'kernel_quantizer' in Dense config
            i22_newer_strata_format.json            | UNSUPPORTED | $.strata_format                                     | strata_format 2 is not known
            i24_layers_not_array.json               | INVALID     | $.config.layers                                     | must be an array of layers
            i25_activation_lambda.json              | UNSAFE      | $.config.layers[1].config.activation                | serialized Python lambda
            i26_unsupported_activation.json         | UNSUPPORTED | $.config.layers[1].config.activation                | unknown activation 'rrelu'
            """)
    void failsWithKindPathAndReason(String file, Kind kind, String path, String reason) {
        JsonSpecException e = failure(file);
        assertEquals(path, e.path(), e.getMessage());
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.problem().contains(reason), "expected '" + reason + "' in: " + e.problem());
        assertTrue(e.getMessage().startsWith(file + ":"), "the message names the file: " + e.getMessage());
        assertTrue(e.line() > 0, "a line is known for " + e.getMessage());
    }

    @Test
    void lineAndColumnPointAtTheOffendingValue() {
        JsonSpecException e = failure("i03_negative_units.json");
        assertEquals(5, e.line());
        assertEquals(7, e.column());
        assertEquals("i03_negative_units.json:5:7: $.config.layers[2].config.units: must be a positive integer. "
                + "Received: units=-3", e.getMessage());
    }

    @Test
    void messagesNameTheLayerClassOrFeature() {
        assertEquals("ConvLSTM2D", failure("i09_unknown_layer.json").feature());
        assertEquals("Lambda", failure("i05_lambda.json").feature());
        assertEquals("RadialConstraint", failure("i10_constraint.json").feature());
    }

    @Test
    void lambdaIsRefusedEvenAfterAnotherUnsupportedLayer() {
        String json = """
                {"class_name": "Sequential", "config": [
                  {"class_name": "Cropping2D", "config": {"name": "crop", "batch_input_shape": [null, 8, 8, 3]}},
                  {"class_name": "Lambda", "config": {"name": "normalize", "function": "x / 255"}}]}
                """;
        JsonSpecException e = assertThrows(JsonSpecException.class, () -> ModelJson.read(json));
        assertEquals(Kind.UNSAFE, e.kind());
        assertEquals("$.config[1]", e.path());
    }

    @Test
    void parameterLimitIsConfigurableAndReportsTheCount() {
        String json = """
                {"class_name": "Sequential", "config": {"name": "m", "layers": [
                  {"class_name": "Dense", "config": {"name": "d", "units": 10, "batch_input_shape": [null, 10]}}]}}
                """;
        assertEquals(110, ModelJson.read(json).spec().summary().totalParams());
        JsonSpecReader strict = ModelJson.reader(ReaderLimits.defaults().withMaxParams(100));
        JsonSpecException e = assertThrows(JsonSpecException.class, () -> strict.read(json));
        assertEquals(Kind.TOO_LARGE, e.kind());
        assertEquals("$.config.layers[0]", e.path());
        assertTrue(e.problem().startsWith("the model has 110 parameters, more than the limit of 100"), e.problem());
    }

    @Test
    void documentSizeAndNestingDepthAreBounded() {
        JsonSpecReader small = ModelJson.reader(ReaderLimits.defaults().withMaxDocumentChars(50));
        JsonSpecException big = assertThrows(JsonSpecException.class,
                () -> small.read("{\"class_name\": \"Sequential\", \"config\": {\"name\": \"a_rather_long_name\"}}"));
        assertEquals(Kind.TOO_LARGE, big.kind());
        assertEquals("$", big.path());

        String deep = "{\"class_name\": \"Sequential\", \"config\": " + "[".repeat(200) + "]".repeat(200) + "}";
        JsonSpecException nested = assertThrows(JsonSpecException.class, () -> ModelJson.read(deep));
        JsonSpecReader shallow = ModelJson.reader(ReaderLimits.defaults().withMaxNestingDepth(3));
        assertEquals(Kind.TOO_LARGE, assertThrows(JsonSpecException.class,
                () -> shallow.read("{\"config\": {\"layers\": [[1]]}}")).kind());
        assertEquals(Kind.TOO_LARGE, nested.kind());
        assertTrue(nested.problem().contains("nesting depth"), nested.problem());
    }

    @Test
    void flattenedTensorsBeyondIntRangeAreRefusedBeforeTheyWrapAround() {
        String json = """
                {"class_name": "Sequential", "config": {"name": "m", "layers": [
                  {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 65536, 1], "name": "in"}},
                  {"class_name": "Dense", "config": {"name": "wide", "units": 65537, "use_bias": false}},
                  {"class_name": "Flatten", "config": {"name": "flat"}},
                  {"class_name": "Dense", "config": {"name": "out", "units": 1}}]}}
                """;
        JsonSpecException e = assertThrows(JsonSpecException.class, () -> ModelJson.read(json));
        // The spec's own shape rule catches it at the Flatten, before any size limit is consulted.
        assertEquals(Kind.INVALID, e.kind(), e.getMessage());
        assertEquals("$.config.layers[2]", e.path(), e.getMessage());
        assertTrue(e.problem().contains("Flatten would make 4295032832 values per example"), e.problem());
    }

    @Test
    void notAnObjectAtTheTop() {
        JsonSpecException e = assertThrows(JsonSpecException.class, () -> ModelJson.read("[1, 2]"));
        assertEquals(Kind.INVALID, e.kind());
        assertEquals("$", e.path());
    }
}
