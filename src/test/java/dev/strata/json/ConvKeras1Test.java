package dev.strata.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.json.JsonSpecException.Kind;
import dev.strata.spec.Activation;
import dev.strata.spec.Initializer;
import dev.strata.spec.IntTuple;
import dev.strata.spec.Layer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import dev.strata.spec.layers.Conv1D;
import dev.strata.spec.layers.Conv2D;
import dev.strata.spec.layers.Conv2DTranspose;
import dev.strata.spec.layers.Conv3D;
import dev.strata.spec.layers.DataFormat;
import dev.strata.spec.layers.DepthwiseConv2D;
import dev.strata.spec.layers.Padding;
import dev.strata.spec.layers.SeparableConv2D;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Convolution layers written by Keras 1 and Keras 2 load with the values Keras 2's legacy converters gave them
 * ({@code nb_filter}, {@code nb_row}/{@code nb_col}, {@code subsample}, {@code border_mode}, {@code dim_ordering},
 * {@code atrous_rate}, ...), and bad configs fail with a typed error at the offending JSON path.
 */
class ConvKeras1Test {

    /** A Keras 1 Sequential (a bare list of layers) of the given layer configs. */
    private static List<Layer> keras1(String... layers) {
        String json = "{\"class_name\": \"Sequential\", \"keras_version\": \"1.2.2\", \"config\": ["
                + String.join(", ", layers) + "]}";
        return ((Sequential) ModelJson.read(json).spec()).layers();
    }

    /** Keras 1 gave a sequence layer's input as input_dim plus input_length; Keras 2 read it as (length, dim). */
    @Test
    void keras1InputDimAndInputLengthGiveTheSequenceShape() {
        Sequential s = (Sequential) ModelJson.read("""
                {"class_name": "Sequential", "config": [
                  {"class_name": "Convolution1D", "config": {"name": "c", "nb_filter": 4, "filter_length": 3,
                   "input_dim": 5, "input_length": 10, "border_mode": "valid", "subsample_length": 1}},
                  {"class_name": "Convolution1D", "config": {"name": "d", "nb_filter": 2, "filter_length": 2}}]}
                """).spec();
        assertEquals(TensorShape.of(10, 5), s.inputShape());
        assertEquals(TensorShape.of(7, 2), s.summary().outputShape());
        Sequential open = (Sequential) ModelJson.read("""
                {"class_name": "Sequential", "config": [
                  {"class_name": "Convolution1D", "config": {"name": "c", "nb_filter": 4, "filter_length": 3,
                   "input_dim": 5, "input_length": null}}]}
                """).spec();
        assertEquals(TensorShape.of(TensorShape.UNKNOWN, 5), open.inputShape());
    }

    @Test
    void convolution2dOfTheDl4jKeras1Cnn() {
        // The two Convolution2D layers of keras-corpus/dl4j-test-resources_keras1_cnn_W_regularizer.json.
        List<Layer> layers = keras1("""
                {"class_name": "Convolution2D", "config": {"b_regularizer": null, "W_constraint": null,
                 "b_constraint": null, "name": "convolution2d_1", "activity_regularizer": null, "trainable": true,
                 "dim_ordering": "tf", "nb_col": 2, "subsample": [1, 1], "init": "glorot_uniform", "bias": true,
                 "nb_filter": 2, "input_dtype": "float32", "border_mode": "valid", "batch_input_shape": [null, 8, 8, 3],
                 "W_regularizer": null, "activation": "sigmoid", "nb_row": 3}}""", """
                {"class_name": "Convolution2D", "config": {"W_constraint": null, "b_constraint": null,
                 "name": "convolution2d_2", "activity_regularizer": null, "trainable": true, "dim_ordering": "tf",
                 "nb_col": 3, "subsample": [1, 1], "init": "glorot_uniform", "bias": true, "nb_filter": 1,
                 "border_mode": "valid", "b_regularizer": null,
                 "W_regularizer": {"l2": 0.10000000149011612, "name": "WeightRegularizer", "l1": 0.0},
                 "activation": "linear", "nb_row": 2}}""");
        Conv2D first = (Conv2D) layers.get(0);
        assertEquals(2, first.filters());
        assertEquals(IntTuple.of(3, 2), first.kernelSize());
        assertEquals(IntTuple.of(1, 1), first.strides());
        assertEquals(Padding.VALID, first.padding());
        assertEquals(DataFormat.CHANNELS_LAST, first.dataFormat());
        assertEquals(Activation.SIGMOID, first.activation());
        assertTrue(first.useBias());
        assertEquals(Initializer.glorotUniform(), first.kernelInitializer());
        assertNull(first.kernelRegularizer());
        Conv2D second = (Conv2D) layers.get(1);
        assertEquals(IntTuple.of(2, 3), second.kernelSize());
        assertNotNull(second.kernelRegularizer());
        Sequential model = Sequential.create().input(8, 8, 3).add(first).add(second);
        assertEquals(TensorShape.of(5, 5, 1), model.summary().layers().get(1).outputShape());
    }

    @Test
    void convolution2dChannelsFirstSameStridedWithoutBias() {
        Conv2D c = (Conv2D) keras1("""
                {"class_name": "Convolution2D", "config": {"name": "c", "nb_filter": 4, "nb_row": 3, "nb_col": 3,
                 "init": "he_normal", "activation": "relu", "border_mode": "same", "subsample": [2, 2],
                 "dim_ordering": "th", "W_regularizer": null, "b_regularizer": {"l1": 0.01, "l2": 0.0,
                 "name": "WeightRegularizer"}, "activity_regularizer": null, "W_constraint": null,
                 "b_constraint": null, "bias": true, "batch_input_shape": [null, 3, 9, 9]}}""").get(0);
        assertEquals(DataFormat.CHANNELS_FIRST, c.dataFormat());
        assertEquals(Padding.SAME, c.padding());
        assertEquals(IntTuple.of(2, 2), c.strides());
        assertEquals(Initializer.heNormal(), c.kernelInitializer());
        assertNotNull(c.biasRegularizer());
        assertEquals(TensorShape.of(4, 5, 5), c.outputShape(TensorShape.of(3, 9, 9), "c"));
    }

    @Test
    void convolution1dAndAtrousConvolution1d() {
        List<Layer> layers = keras1("""
                {"class_name": "Convolution1D", "config": {"name": "c1", "nb_filter": 6, "filter_length": 5,
                 "init": "uniform", "activation": "tanh", "border_mode": "same", "subsample_length": 2,
                 "W_regularizer": null, "b_regularizer": null, "activity_regularizer": null, "W_constraint": null,
                 "b_constraint": null, "bias": false, "input_dim": 4, "input_length": 20,
                 "batch_input_shape": [null, 20, 4], "input_dtype": "float32"}}""", """
                {"class_name": "AtrousConvolution1D", "config": {"name": "a1", "nb_filter": 3, "filter_length": 2,
                 "init": "glorot_uniform", "activation": "linear", "border_mode": "valid", "subsample_length": 1,
                 "atrous_rate": 4, "W_regularizer": null, "b_regularizer": null, "activity_regularizer": null,
                 "W_constraint": null, "b_constraint": null, "bias": true, "input_dim": null,
                 "input_length": null}}""");
        Conv1D c = (Conv1D) layers.get(0);
        assertEquals(6, c.filters());
        assertEquals(IntTuple.of(5), c.kernelSize());
        assertEquals(IntTuple.of(2), c.strides());
        assertEquals(Padding.SAME, c.padding());
        assertEquals(false, c.useBias());
        Conv1D a = (Conv1D) layers.get(1);
        assertEquals(IntTuple.of(4), a.dilationRate());
        assertEquals(IntTuple.of(2), a.kernelSize());
        // (20 / 2 = 10 steps) - (2 - 1) * 4 = 6
        Sequential model = Sequential.create().input(20, 4).add(c).add(a);
        assertEquals(TensorShape.of(6, 3), model.summary().layers().get(1).outputShape());
    }

    @Test
    void atrousConvolution2dAndConvolution3d() {
        Conv2D a = (Conv2D) keras1("""
                {"class_name": "AtrousConvolution2D", "config": {"name": "a", "nb_filter": 2, "nb_row": 3,
                 "nb_col": 3, "atrous_rate": [2, 2], "init": "glorot_uniform", "activation": "linear",
                 "border_mode": "same", "subsample": [1, 1], "dim_ordering": "tf", "W_regularizer": null,
                 "b_regularizer": null, "activity_regularizer": null, "W_constraint": null, "b_constraint": null,
                 "bias": true, "batch_input_shape": [null, 7, 7, 1]}}""").get(0);
        assertEquals(IntTuple.of(2, 2), a.dilationRate());
        Conv3D c = (Conv3D) keras1("""
                {"class_name": "Convolution3D", "config": {"name": "c3", "nb_filter": 5, "kernel_dim1": 1,
                 "kernel_dim2": 2, "kernel_dim3": 3, "init": "glorot_uniform", "activation": "relu",
                 "border_mode": "valid", "subsample": [1, 2, 1], "dim_ordering": "th", "W_regularizer": null,
                 "b_regularizer": null, "activity_regularizer": null, "W_constraint": null, "b_constraint": null,
                 "bias": true, "batch_input_shape": [null, 2, 4, 6, 8]}}""").get(0);
        assertEquals(IntTuple.of(1, 2, 3), c.kernelSize());
        assertEquals(IntTuple.of(1, 2, 1), c.strides());
        assertEquals(DataFormat.CHANNELS_FIRST, c.dataFormat());
        assertEquals(TensorShape.of(5, 4, 3, 6), c.outputShape(TensorShape.of(2, 4, 6, 8), "c3"));
    }

    @Test
    void deconvolution2dDropsItsOutputShapeAsKeras2Did() {
        Conv2DTranspose d = (Conv2DTranspose) keras1("""
                {"class_name": "Deconvolution2D", "config": {"name": "d", "nb_filter": 3, "nb_row": 4, "nb_col": 4,
                 "output_shape": [null, 10, 10, 3], "init": "glorot_uniform", "activation": "linear",
                 "border_mode": "valid", "subsample": [2, 2], "dim_ordering": "tf", "W_regularizer": null,
                 "b_regularizer": null, "activity_regularizer": null, "W_constraint": null, "b_constraint": null,
                 "bias": true, "batch_input_shape": [null, 4, 4, 2]}}""").get(0);
        assertEquals(IntTuple.of(4, 4), d.kernelSize());
        assertEquals(IntTuple.of(2, 2), d.strides());
        assertNull(d.outputPadding());
        assertEquals(TensorShape.of(10, 10, 3), d.outputShape(TensorShape.of(4, 4, 2), "d"));
    }

    @Test
    void separableConvolution2dSetsBothInitializersFromInit() {
        SeparableConv2D s = (SeparableConv2D) keras1("""
                {"class_name": "SeparableConvolution2D", "config": {"name": "s", "nb_filter": 8, "nb_row": 3,
                 "nb_col": 3, "init": "he_uniform", "activation": "relu", "border_mode": "same",
                 "subsample": [1, 1], "depth_multiplier": 2, "dim_ordering": "tf",
                 "depthwise_regularizer": {"l1": 0.0, "l2": 0.01, "name": "WeightRegularizer"},
                 "pointwise_regularizer": null, "b_regularizer": null, "activity_regularizer": null,
                 "depthwise_constraint": null, "pointwise_constraint": null, "b_constraint": null, "bias": true,
                 "batch_input_shape": [null, 6, 6, 3]}}""").get(0);
        assertEquals(8, s.filters());
        assertEquals(2, s.depthMultiplier());
        assertEquals(Initializer.heUniform(), s.depthwiseInitializer());
        assertEquals(Initializer.heUniform(), s.pointwiseInitializer());
        assertNotNull(s.depthwiseRegularizer());
        assertNull(s.pointwiseRegularizer());
    }

    @Test
    void tfKerasDepthwiseConv2dWithItsGroupsKey() {
        String json = """
                {"class_name": "Sequential", "config": {"name": "m", "layers": [
                 {"class_name": "DepthwiseConv2D", "config": {"name": "dw", "trainable": true, "dtype": "float32",
                  "batch_input_shape": [null, 8, 8, 4], "kernel_size": [3, 3], "strides": [1, 1],
                  "padding": "same", "data_format": "channels_last", "dilation_rate": [1, 1], "groups": 1,
                  "activation": "linear", "use_bias": false, "bias_initializer": {"class_name": "Zeros",
                  "config": {}}, "bias_regularizer": null, "activity_regularizer": null, "bias_constraint": null,
                  "depth_multiplier": 2, "depthwise_initializer": {"class_name": "GlorotUniform",
                  "config": {"seed": null}}, "depthwise_regularizer": null, "depthwise_constraint": null}}]}}""";
        DepthwiseConv2D dw = (DepthwiseConv2D) ((Sequential) ModelJson.read(json).spec()).layers().get(0);
        assertEquals(2, dw.depthMultiplier());
        assertEquals(TensorShape.of(8, 8, 8), dw.outputShape(TensorShape.of(8, 8, 4), "dw"));
        JsonSpecException e = assertThrows(JsonSpecException.class,
                () -> ModelJson.read(json.replace("\"groups\": 1", "\"groups\": 2")));
        assertEquals(Kind.UNSUPPORTED, e.kind(), e.getMessage());
        assertEquals("$.config.layers[0].config.groups", e.path(), e.getMessage());
    }

    private static final String HEAD = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"m\", \"layers\": ["
            + "{\"class_name\": \"InputLayer\", \"config\": {\"batch_shape\": [null, 6, 6, 4], \"name\": \"in\"}}, ";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            kernel larger than input | Conv2D          | "filters": 2, "kernel_size": 7                             | INVALID     | $.config.layers[1]                        | window of size 7 does not fit in an input dimension of 6 with padding='valid'. Received input shape (None, 6, 6, 4)
            Keras 1 full padding     | Convolution2D   | "nb_filter": 2, "nb_row": 3, "nb_col": 3, "border_mode": "full" | UNSUPPORTED | $.config.layers[1].config.border_mode | border_mode must be one of 'valid', 'same', 'causal'. Received: border_mode='full'
            negative strides         | Conv2D          | "filters": 2, "kernel_size": 3, "strides": [1, -2]          | INVALID     | $.config.layers[1].config.strides         | entries must be positive. Received: strides=(1, -2)
            three strides in 2D      | Convolution2D   | "nb_filter": 2, "nb_row": 3, "nb_col": 3, "subsample": [1, 1, 1] | INVALID | $.config.layers[1].config.subsample      | must have 2 entries. Received: strides=(1, 1, 1)
            causal in 2D             | Conv2D          | "filters": 2, "kernel_size": 3, "padding": "causal"         | INVALID     | $.config.layers[1].config.padding         | must be 'valid' or 'same' ('causal' is for Conv1D only)
            strides with dilation    | Conv2D          | "filters": 2, "kernel_size": 3, "strides": 2, "dilation_rate": 2 | INVALID | $.config.layers[1].config.strides        | > 1 is not supported together with dilation_rate > 1
            groups and filters       | Conv2D          | "filters": 3, "kernel_size": 3, "groups": 2                 | INVALID     | $.config.layers[1].config.groups          | must divide filters evenly. Received: groups=2, filters=3
            groups and channels      | Conv2D          | "filters": 6, "kernel_size": 3, "groups": 3                 | INVALID     | $.config.layers[1].config.groups          | must divide the input channels evenly. Received: groups=3, but the input has 4 channels
            missing filters          | Conv2D          | "kernel_size": 3                                            | INVALID     | $.config.layers[1].config.filters         | is required
            transposed dilation      | Conv2DTranspose | "filters": 2, "kernel_size": 3, "dilation_rate": 2          | INVALID     | $.config.layers[1].config.dilation_rate   | > 1 is not supported for transposed convolutions: TensorFlow has no CPU kernel for it
            output padding >= stride | Conv2DTranspose | "filters": 2, "kernel_size": 3, "strides": 2, "output_padding": 2 | INVALID | $.config.layers[1].config.output_padding | must be strictly less than strides
            even kernel same op 0    | Conv2DTranspose | "filters": 2, "kernel_size": 4, "strides": 2, "padding": "same", "output_padding": 0 | INVALID | $.config.layers[1].config.output_padding | gives an output TensorFlow cannot produce
            zero depth multiplier    | DepthwiseConv2D | "kernel_size": 3, "depth_multiplier": 0                     | INVALID     | $.config.layers[1].config.depth_multiplier | must be a positive integer. Received: depth_multiplier=0
            bias slot without bias   | SeparableConv2D | "filters": 2, "kernel_size": 3, "use_bias": false, "bias_regularizer": {"class_name": "L2", "config": {"l2": 0.1}} | INVALID | $.config.layers[1].config.bias_regularizer | is set but use_bias=False
            """)
    void badConfigsFailAtTheirPath(String what, String cls, String config, Kind kind, String path, String reason) {
        String json = HEAD + "{\"class_name\": \"" + cls + "\", \"config\": {\"name\": \"c\", " + config + "}}]}}";
        JsonSpecException e = assertThrows(JsonSpecException.class, () -> ModelJson.read(json), what);
        assertEquals(kind, e.kind(), e.getMessage());
        assertEquals(path, e.path(), e.getMessage());
        assertTrue(e.problem().contains(reason), "expected '" + reason + "' in: " + e.problem());
    }
}
