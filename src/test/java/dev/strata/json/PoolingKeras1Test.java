package dev.strata.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.json.JsonSpecException.Kind;
import dev.strata.spec.IntTuple;
import dev.strata.spec.Layer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import dev.strata.spec.layers.AveragePooling1D;
import dev.strata.spec.layers.AveragePooling2D;
import dev.strata.spec.layers.DataFormat;
import dev.strata.spec.layers.GlobalAveragePooling2D;
import dev.strata.spec.layers.GlobalMaxPooling1D;
import dev.strata.spec.layers.MaxPooling1D;
import dev.strata.spec.layers.MaxPooling2D;
import dev.strata.spec.layers.MaxPooling3D;
import dev.strata.spec.layers.Padding;
import org.junit.jupiter.api.Test;

/**
 * The pooling layers as Keras 1 and Keras 2 wrote them ({@code pool_length}, {@code stride}, {@code border_mode},
 * {@code dim_ordering}, the {@code MaxPool2D} class aliases), and clear, pathed refusals of configs Keras refuses.
 */
class PoolingKeras1Test {

    /** A Keras 1 Sequential (a bare list of layers) with the input shape on the first layer. */
    static Sequential keras1(String inputShape, String... layers) {
        String first = layers[0].replaceFirst("\"config\": \\{", "\"config\": {\"batch_input_shape\": [null, "
                + inputShape + "], \"input_dtype\": \"float32\", ");
        StringBuilder json = new StringBuilder("{\"class_name\": \"Sequential\", \"keras_version\": \"1.2.2\", "
                + "\"config\": [").append(first);
        for (int i = 1; i < layers.length; i++) {
            json.append(", ").append(layers[i]);
        }
        return (Sequential) ModelJson.read(json.append("]}").toString()).spec();
    }

    static JsonSpecException refused(String inputShape, String layer) {
        return assertThrows(JsonSpecException.class, () -> keras1(inputShape, layer));
    }

    static void assertRefused(JsonSpecException e, Kind kind, String path, String reason) {
        assertEquals(kind, e.kind(), e.getMessage());
        assertEquals(path, e.path(), e.getMessage());
        assertTrue(e.problem().contains(reason), "expected '" + reason + "' in: " + e.problem());
    }

    static TensorShape out(Sequential s) {
        return s.summary().layers().get(s.layers().size() - 1).outputShape();
    }

    @Test
    void keras1MaxPooling2DFromTheDl4jCorpus() {
        // Verbatim from dl4j-test-resources keras1 cnn_W_regularizer (Keras 1.1.2).
        Sequential s = keras1("12, 12, 3", "{\"class_name\": \"MaxPooling2D\", \"config\": {\"name\": "
                + "\"maxpooling2d_1\", \"trainable\": true, \"dim_ordering\": \"tf\", \"pool_size\": [5, 5], "
                + "\"strides\": [5, 5], \"border_mode\": \"valid\"}}");
        MaxPooling2D p = (MaxPooling2D) s.layers().get(0);
        assertEquals("maxpooling2d_1", p.name());
        assertEquals(IntTuple.of(5, 5), p.poolSize());
        assertEquals(IntTuple.of(5, 5), p.strides());
        assertEquals(Padding.VALID, p.padding());
        assertEquals(DataFormat.CHANNELS_LAST, p.dataFormat());
        assertEquals(TensorShape.of(2, 2, 3), out(s));
    }

    @Test
    void keras1ChannelsFirstIsDimOrderingTh() {
        Sequential s = keras1("3, 7, 7", "{\"class_name\": \"MaxPooling2D\", \"config\": {\"name\": \"p\", "
                + "\"dim_ordering\": \"th\", \"pool_size\": [2, 2], \"strides\": null, \"border_mode\": \"same\"}}");
        MaxPooling2D p = (MaxPooling2D) s.layers().get(0);
        assertEquals(DataFormat.CHANNELS_FIRST, p.dataFormat());
        assertEquals(IntTuple.of(2, 2), p.strides()); // strides=None is the pool size, as Keras stores it
        assertEquals(TensorShape.of(3, 4, 4), out(s));
    }

    @Test
    void keras1OneDimensionalPoolingReadsPoolLengthAndStride() {
        Sequential s = keras1("10, 4",
                "{\"class_name\": \"MaxPooling1D\", \"config\": {\"name\": \"m\", \"trainable\": true, "
                        + "\"pool_length\": 3, \"stride\": null, \"border_mode\": \"same\"}}",
                "{\"class_name\": \"AveragePooling1D\", \"config\": {\"name\": \"a\", \"trainable\": true, "
                        + "\"pool_length\": 2, \"stride\": 1, \"border_mode\": \"valid\"}}");
        MaxPooling1D m = (MaxPooling1D) s.layers().get(0);
        assertEquals(IntTuple.of(3), m.poolSize());
        assertEquals(IntTuple.of(3), m.strides());
        assertEquals(Padding.SAME, m.padding());
        AveragePooling1D a = (AveragePooling1D) s.layers().get(1);
        assertEquals(IntTuple.of(2), a.poolSize());
        assertEquals(IntTuple.of(1), a.strides());
        assertEquals(TensorShape.of(4, 4), s.summary().layers().get(0).outputShape());
        assertEquals(TensorShape.of(3, 4), out(s));
    }

    @Test
    void keras1GlobalPoolingAndKeras2ClassAliases() {
        Sequential s = keras1("3, 5, 5",
                "{\"class_name\": \"MaxPool2D\", \"config\": {\"name\": \"m\", \"pool_size\": [1, 1], "
                        + "\"padding\": \"valid\", \"strides\": [1, 1], \"data_format\": \"channels_first\"}}",
                "{\"class_name\": \"GlobalAvgPool2D\", \"config\": {\"name\": \"g\", \"dim_ordering\": \"th\"}}");
        assertEquals(MaxPooling2D.class, s.layers().get(0).getClass());
        GlobalAveragePooling2D g = (GlobalAveragePooling2D) s.layers().get(1);
        assertEquals(DataFormat.CHANNELS_FIRST, g.dataFormat());
        assertEquals(false, g.keepdims());
        assertEquals(TensorShape.of(3), out(s));

        Sequential k2 = keras1("6, 4",
                "{\"class_name\": \"AvgPool1D\", \"config\": {\"name\": \"a\", \"pool_size\": [2], "
                        + "\"padding\": \"valid\", \"strides\": [2], \"data_format\": \"channels_last\"}}",
                "{\"class_name\": \"GlobalMaxPool1D\", \"config\": {\"name\": \"g\", \"data_format\": "
                        + "\"channels_last\", \"keepdims\": true}}");
        assertEquals(AveragePooling1D.class, k2.layers().get(0).getClass());
        assertTrue(((GlobalMaxPooling1D) k2.layers().get(1)).keepdims());
        assertEquals(TensorShape.of(1, 4), out(k2));
    }

    @Test
    void writtenKeras3ConfigsReadBackUnderEveryDialect() {
        Sequential s = Sequential.create().input(9, 9, 9, 2)
                .add(MaxPooling3D.poolSize(2).strides(1, 2, 2).padding(Padding.SAME))
                .add(MaxPooling3D.create().dataFormat(DataFormat.CHANNELS_FIRST));
        assertEquals(TensorShape.of(9, 2, 2, 1), out(s)); // the second reads axis 0 (9) as channels
        for (Dialect d : Dialect.values()) {
            assertEquals(s, ModelJson.read(ModelJson.write(s, d)).spec(), d.toString());
        }
        // strides=None becomes the pool size, and is written as Keras 3 writes it.
        Sequential none = Sequential.create().input(8, 8, 1).add(AveragePooling2D.poolSize(3, 2));
        String json = ModelJson.write(none);
        assertTrue(json.replace(" ", "").contains("\"strides\":[3,2]"), json);
        assertEquals(none, ModelJson.read(json).spec());
        assertEquals(TensorShape.of(2, 4, 1), out(none));
    }

    @Test
    void aWindowLargerThanTheInputIsRefusedAtItsKey() {
        assertRefused(refused("3, 3, 1", "{\"class_name\": \"MaxPooling2D\", \"config\": {\"name\": \"p\", "
                + "\"pool_size\": [5, 5], \"padding\": \"valid\"}}"), Kind.INVALID,
                "$.config[0].config.pool_size", "(5, 5) does not fit in an input of 3 along spatial axis 0 "
                        + "with padding='valid'. Received input shape (None, 3, 3, 1)");
        assertRefused(refused("2, 4", "{\"class_name\": \"MaxPooling1D\", \"config\": {\"name\": \"p\", "
                + "\"pool_length\": 3, \"border_mode\": \"valid\"}}"), Kind.INVALID,
                "$.config[0].config.pool_length", "does not fit");
        // The same window fits with same padding.
        assertEquals(TensorShape.of(1, 1, 1), out(keras1("3, 3, 1", "{\"class_name\": \"MaxPooling2D\", "
                + "\"config\": {\"name\": \"p\", \"pool_size\": [5, 5], \"padding\": \"same\"}}")));
    }

    @Test
    void badArgumentsAreRefusedWithTheirPaths() {
        assertRefused(refused("4, 4, 1", "{\"class_name\": \"MaxPooling2D\", \"config\": {\"name\": \"p\", "
                + "\"padding\": \"causal\"}}"), Kind.INVALID, "$.config[0].config.padding",
                "must be 'valid' or 'same' for pooling");
        assertRefused(refused("4, 4, 1", "{\"class_name\": \"MaxPooling2D\", \"config\": {\"name\": \"p\", "
                + "\"strides\": [0, 1]}}"), Kind.INVALID, "$.config[0].config.strides", "must be positive");
        assertRefused(refused("4, 4, 1", "{\"class_name\": \"AveragePooling2D\", \"config\": {\"name\": \"p\"}}"),
                Kind.INVALID, "$.config[0].config.pool_size", "is required");
        assertRefused(refused("4, 4, 1", "{\"class_name\": \"MaxPooling2D\", \"config\": {\"name\": \"p\", "
                + "\"pool_size\": [2, 2, 2]}}"), Kind.INVALID, "$.config[0].config.pool_size", "must have 2 entries");
        assertRefused(refused("4, 1", "{\"class_name\": \"GlobalAveragePooling2D\", \"config\": {\"name\": "
                + "\"g\"}}"), Kind.INVALID, "$.config[0]", "GlobalAveragePooling2D needs inputs of rank 4");
    }

    @Test
    void fluentSpecsMatchKerasDefaults() {
        MaxPooling2D p = MaxPooling2D.create();
        assertEquals(IntTuple.of(2, 2), p.poolSize());
        assertEquals(IntTuple.of(2, 2), p.strides());
        assertEquals(Padding.VALID, p.padding());
        assertEquals(IntTuple.of(3, 3), MaxPooling2D.poolSize(3).strides());
        assertEquals(IntTuple.of(1, 2), MaxPooling2D.poolSize(3).strides(1, 2).strides());
        Layer avg = AveragePooling1D.poolSize(3).strides(1).padding(Padding.SAME).name("avg");
        assertEquals(TensorShape.of(5, 2), Sequential.create().input(5, 2).add(avg).summary().layers().get(0)
                .outputShape());
    }
}
