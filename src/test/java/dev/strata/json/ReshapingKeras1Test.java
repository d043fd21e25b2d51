package dev.strata.json;

import static dev.strata.json.PoolingKeras1Test.assertRefused;
import static dev.strata.json.PoolingKeras1Test.keras1;
import static dev.strata.json.PoolingKeras1Test.out;
import static dev.strata.json.PoolingKeras1Test.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.json.JsonSpecException.Kind;
import dev.strata.spec.IntTuple;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import dev.strata.spec.layers.Cropping1D;
import dev.strata.spec.layers.Cropping2D;
import dev.strata.spec.layers.Cropping3D;
import dev.strata.spec.layers.DataFormat;
import dev.strata.spec.layers.Interpolation;
import dev.strata.spec.layers.Permute;
import dev.strata.spec.layers.RepeatVector;
import dev.strata.spec.layers.Reshape;
import dev.strata.spec.layers.UpSampling1D;
import dev.strata.spec.layers.UpSampling2D;
import dev.strata.spec.layers.UpSampling3D;
import dev.strata.spec.layers.ZeroPadding1D;
import dev.strata.spec.layers.ZeroPadding2D;
import dev.strata.spec.layers.ZeroPadding3D;
import org.junit.jupiter.api.Test;

/** The reshaping layers as Keras 1 and 2 wrote them, and pathed refusals of shapes Keras refuses. */
class ReshapingKeras1Test {

    @Test
    void keras1CroppingFromTheBehavioralCloningCorpus() {
        // As Keras 1.2.1 wrote it (behavioral-cloning, lambda-cropping), with its batch_input_shape.
        Sequential s = keras1("160, 320, 3", "{\"class_name\": \"Cropping2D\", \"config\": {\"cropping\": "
                + "[[40, 20], [0, 0]], \"trainable\": true, \"name\": \"cropping2d_8\"}}");
        Cropping2D c = (Cropping2D) s.layers().get(0);
        assertEquals(IntTuple.of(40, 20, 0, 0), c.cropping());
        assertEquals(TensorShape.of(100, 320, 3), out(s));
    }

    /**
     * Keras 1.0's UpSampling2D wrote no dim_ordering (retina-unet in the corpus): it took the writer's
     * image_dim_ordering, which the file does not record but every other layer states.
     */
    @Test
    void aMissingKeras1DimOrderingTakesTheOneEveryOtherLayerStates() {
        String pool = "{\"class_name\": \"MaxPooling2D\", \"config\": {\"name\": \"p\", \"pool_size\": [2, 2], "
                + "\"dim_ordering\": \"%s\"}}";
        String up = "{\"class_name\": \"UpSampling2D\", \"config\": {\"name\": \"u\", \"size\": [2, 2]}}";
        Sequential th = keras1("3, 8, 6", pool.formatted("th"), up);
        assertEquals(DataFormat.CHANNELS_FIRST, ((UpSampling2D) th.layers().get(1)).dataFormat());
        assertEquals(TensorShape.of(3, 8, 6), out(th));
        Sequential tf = keras1("8, 6, 3", pool.formatted("tf"), up);
        assertEquals(DataFormat.CHANNELS_LAST, ((UpSampling2D) tf.layers().get(1)).dataFormat());
        assertEquals(TensorShape.of(8, 6, 3), out(tf));
    }

    @Test
    void keras1PaddingCroppingAndUpSamplingSpellings() {
        Sequential s = keras1("5, 2",
                "{\"class_name\": \"ZeroPadding1D\", \"config\": {\"name\": \"z\", \"padding\": 2}}",
                "{\"class_name\": \"Cropping1D\", \"config\": {\"name\": \"c\", \"cropping\": [1, 3]}}",
                "{\"class_name\": \"UpSampling1D\", \"config\": {\"name\": \"u\", \"length\": 3}}");
        assertEquals(IntTuple.of(2, 2), ((ZeroPadding1D) s.layers().get(0)).padding());
        assertEquals(IntTuple.of(1, 3), ((Cropping1D) s.layers().get(1)).cropping());
        assertEquals(3, ((UpSampling1D) s.layers().get(2)).size());
        assertEquals(TensorShape.of(15, 2), out(s));

        Sequential image = keras1("2, 3, 4",
                "{\"class_name\": \"ZeroPadding2D\", \"config\": {\"name\": \"z\", \"padding\": [1, 2], "
                        + "\"dim_ordering\": \"th\"}}",
                "{\"class_name\": \"UpSampling2D\", \"config\": {\"name\": \"u\", \"size\": [2, 3], "
                        + "\"dim_ordering\": \"th\"}}");
        ZeroPadding2D z = (ZeroPadding2D) image.layers().get(0);
        assertEquals(IntTuple.of(1, 1, 2, 2), z.padding());
        assertEquals(DataFormat.CHANNELS_FIRST, z.dataFormat());
        UpSampling2D u = (UpSampling2D) image.layers().get(1);
        assertEquals(Interpolation.NEAREST, u.interpolation());
        assertEquals(TensorShape.of(2, 10, 24), out(image));

        Sequential volume = keras1("2, 3, 4, 1",
                "{\"class_name\": \"ZeroPadding3D\", \"config\": {\"name\": \"z\", \"padding\": [1, 0, 2], "
                        + "\"dim_ordering\": \"tf\"}}",
                "{\"class_name\": \"UpSampling3D\", \"config\": {\"name\": \"u\", \"size\": [1, 2, 1], "
                        + "\"dim_ordering\": \"tf\"}}");
        assertEquals(IntTuple.of(1, 1, 0, 0, 2, 2), ((ZeroPadding3D) volume.layers().get(0)).padding());
        assertEquals(IntTuple.of(1, 2, 1), ((UpSampling3D) volume.layers().get(1)).size());
        assertEquals(TensorShape.of(4, 6, 8, 1), out(volume));
    }

    @Test
    void keras2ReshapePermuteAndRepeatVector() {
        // Reshape and Permute as dl4j's keras 1.0.5 retina-unet wrote them.
        Sequential s = keras1("4608",
                "{\"class_name\": \"Reshape\", \"config\": {\"target_shape\": [2, 2304], \"trainable\": true, "
                        + "\"name\": \"reshape_1\"}}",
                "{\"class_name\": \"Permute\", \"config\": {\"dims\": [2, 1], \"trainable\": true, "
                        + "\"name\": \"permute_1\"}}",
                "{\"class_name\": \"Reshape\", \"config\": {\"target_shape\": [-1], \"name\": \"flat\"}}",
                "{\"class_name\": \"RepeatVector\", \"config\": {\"n\": 3, \"name\": \"r\"}}");
        assertEquals(IntTuple.of(2, 2304), ((Reshape) s.layers().get(0)).targetShape());
        assertEquals(IntTuple.of(2, 1), ((Permute) s.layers().get(1)).dims());
        assertEquals(TensorShape.of(2304, 2), s.summary().layers().get(1).outputShape());
        assertEquals(3, ((RepeatVector) s.layers().get(3)).n());
        assertEquals(TensorShape.of(3, 4608), out(s));
    }

    @Test
    void reshapeThatChangesTheNumberOfValuesIsRefusedAtTargetShape() {
        assertRefused(refused("12", "{\"class_name\": \"Reshape\", \"config\": {\"name\": \"r\", "
                + "\"target_shape\": [5, 5]}}"), Kind.INVALID, "$.config[0].config.target_shape",
                "must keep the number of values per example: the input has 12, target_shape=(5, 5) makes 25. "
                        + "Received input shape (None, 12)");
        assertRefused(refused("12", "{\"class_name\": \"Reshape\", \"config\": {\"name\": \"r\", "
                + "\"target_shape\": [5, -1]}}"), Kind.INVALID, "$.config[0].config.target_shape",
                "needs a multiple of 5");
        assertRefused(refused("12", "{\"class_name\": \"Reshape\", \"config\": {\"name\": \"r\", "
                + "\"target_shape\": [-1, -1]}}"), Kind.INVALID, "$.config[0].config.target_shape",
                "at most one -1");
        assertRefused(refused("12", "{\"class_name\": \"Reshape\", \"config\": {\"name\": \"r\", "
                + "\"target_shape\": [0, 12]}}"), Kind.INVALID, "$.config[0].config.target_shape",
                "entries must be positive, or -1");
    }

    @Test
    void permuteThatIsNotAPermutationIsRefusedAtDims() {
        assertRefused(refused("3, 4", "{\"class_name\": \"Permute\", \"config\": {\"name\": \"p\", "
                + "\"dims\": [1, 3]}}"), Kind.INVALID, "$.config[0].config.dims",
                "must be a permutation of 1..2 (axis 0 is the batch). Received: dims=(1, 3)");
        assertRefused(refused("3, 4", "{\"class_name\": \"Permute\", \"config\": {\"name\": \"p\", "
                + "\"dims\": [0, 1]}}"), Kind.INVALID, "$.config[0].config.dims", "must be a permutation");
        assertRefused(refused("3, 4, 5", "{\"class_name\": \"Permute\", \"config\": {\"name\": \"p\", "
                + "\"dims\": [2, 1]}}"), Kind.INVALID, "$.config[0].config.dims",
                "permutes 2 axes but the input has 3");
    }

    @Test
    void cropLargerThanTheInputIsRefusedAtCropping() {
        assertRefused(refused("4, 4, 1", "{\"class_name\": \"Cropping2D\", \"config\": {\"name\": \"c\", "
                + "\"cropping\": [[2, 2], [0, 0]]}}"), Kind.INVALID, "$.config[0].config.cropping",
                "((2, 2), (0, 0)) removes all 4 entries of spatial axis 0; at least one must remain. "
                        + "Received input shape (None, 4, 4, 1)");
        assertRefused(refused("5, 2", "{\"class_name\": \"Cropping1D\", \"config\": {\"name\": \"c\", "
                + "\"cropping\": [3, 2]}}"), Kind.INVALID, "$.config[0].config.cropping", "(3, 2) removes all 5");
        assertRefused(refused("4, 4, 1", "{\"class_name\": \"Cropping2D\", \"config\": {\"name\": \"c\", "
                + "\"cropping\": [1, -1]}}"), Kind.INVALID, "$.config[0].config.cropping", "must be >= 0");
    }

    @Test
    void unsupportedOrMalformedArgumentsAreRefused() {
        assertRefused(refused("4, 4, 1", "{\"class_name\": \"UpSampling2D\", \"config\": {\"name\": \"u\", "
                + "\"interpolation\": \"bicubic\"}}"), Kind.UNSUPPORTED, "$.config[0].config.interpolation",
                "interpolation must be one of 'nearest', 'bilinear'");
        // Keras 1's four-int ZeroPadding2D form (top, bottom, left, right) is not among Keras 2/3's forms.
        assertRefused(refused("4, 4, 1", "{\"class_name\": \"ZeroPadding2D\", \"config\": {\"name\": \"z\", "
                + "\"padding\": [1, 1, 2, 2]}}"), Kind.INVALID, "$.config[0].config.padding",
                "must be an integer, 2 integers, or 2 (before, after) pairs");
        assertRefused(refused("4", "{\"class_name\": \"RepeatVector\", \"config\": {\"name\": \"r\", "
                + "\"n\": 0}}"), Kind.INVALID, "$.config[0].config.n", "must be a positive integer");
        assertRefused(refused("4, 4", "{\"class_name\": \"RepeatVector\", \"config\": {\"name\": \"r\", "
                + "\"n\": 2}}"), Kind.INVALID, "$.config[0]", "RepeatVector needs inputs of rank 2");
    }

    @Test
    void fluentSpecsRoundTripThroughBothDialects() {
        Sequential s = Sequential.create().input(2, 4, 4, 4)
                .add(ZeroPadding3D.pairs(1, 0, 0, 2, 1, 1).dataFormat(DataFormat.CHANNELS_FIRST))
                .add(Cropping3D.create().dataFormat(DataFormat.CHANNELS_FIRST))
                .add(UpSampling3D.size(1, 2, 3).dataFormat(DataFormat.CHANNELS_FIRST))
                .add(Reshape.to(-1, 6))
                .add(Cropping1D.pairs(2, 0))
                .add(UpSampling1D.size(2))
                .add(Permute.dims(2, 1))
                .add(ZeroPadding1D.of(1).dataFormat(DataFormat.CHANNELS_FIRST));
        assertEquals(TensorShape.of(6, 190), out(s));
        Sequential bilinear = Sequential.create().input(3, 3, 2)
                .add(UpSampling2D.size(2, 3).interpolation(Interpolation.BILINEAR))
                .add(Cropping2D.of(1))
                .add(ZeroPadding2D.pairs(0, 1, 2, 3));
        assertEquals(TensorShape.of(5, 12, 2), out(bilinear));
        for (Dialect d : Dialect.values()) {
            assertEquals(s, ModelJson.read(ModelJson.write(s, d)).spec(), d.toString());
            assertEquals(bilinear, ModelJson.read(ModelJson.write(bilinear, d)).spec(), d.toString());
        }
    }
}
