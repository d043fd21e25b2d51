package dev.strata.spec;

import dev.strata.spec.layers.*;
import static dev.strata.spec.Regularizers.l1;
import static dev.strata.spec.Regularizers.l2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad specs fail in Java, before any native call, with a typed error naming the layer and the field. */
class SpecValidationTest {

    private static InvalidSpecException invalid(Executable e) {
        return assertThrows(InvalidSpecException.class, e);
    }

    @Test
    void negativeUnitsNamesLayerIndexAndField() {
        InvalidSpecException e = invalid(() -> Sequential.create().input(4).add(Dense.units(8))
                .add(Dense.units(-3).name("head")));
        assertEquals("layer 'head' (Dense, layers[1])", e.where());
        assertEquals("units", e.field());
        assertEquals("must be a positive integer. Received: units=-3", e.problem());
    }

    @Test
    void zeroUnitsOnAnUnnamedLayerGetsItsAutomaticName() {
        InvalidSpecException e = invalid(() -> Sequential.create().input(4).add(Dense.units(8)).add(Dense.units(0)));
        assertEquals("layer 'dense_1' (Dense, layers[1])", e.where());
        assertEquals("units", e.field());
    }

    @Test
    void dropoutRateOfOneIsRejected() {
        InvalidSpecException e = invalid(() -> Sequential.create().input(4).add(Dropout.rate(1.0)));
        assertEquals("rate", e.field());
        assertTrue(e.getMessage().contains("layer 'dropout'"), e.getMessage());
    }

    @Test
    void negativeAndNanDropoutRatesAreRejected() {
        assertEquals("rate", invalid(() -> Sequential.create().add(Dropout.rate(-0.1))).field());
        assertEquals("rate", invalid(() -> Sequential.create().add(Dropout.rate(Double.NaN))).field());
    }

    @Test
    void negativeRegularizationFactorIsRejected() {
        InvalidSpecException e = invalid(() -> l2(-0.01));
        assertEquals("l2", e.field());
        assertTrue(e.getMessage().contains("non-negative"), e.getMessage());
    }

    @Test
    void nanAndInfiniteFactorsAreRejected() {
        assertEquals("l1", invalid(() -> l1(Double.NaN)).field());
        assertEquals("l2", invalid(() -> new L1L2(0.0, Double.POSITIVE_INFINITY)).field());
    }

    @Test
    void unknownActivationNameIsATypedError() {
        SpecException e = assertThrows(SpecException.class, () -> Activation.fromKerasName("relu7"));
        assertTrue(e.getMessage().contains("unknown activation 'relu7'"), e.getMessage());
        assertEquals(Activation.SILU, Activation.fromKerasName("swish"));
    }

    @Test
    void denseOnAScalarInputCannotBeBuilt() {
        InvalidSpecException e = invalid(() -> Sequential.create().input(TensorShape.of()).add(Dense.units(3)));
        assertEquals("layer 'dense' (Dense, layers[0])", e.where());
        assertTrue(e.getMessage().contains("rank >= 2"), e.getMessage());
    }

    @Test
    void denseNeedsADefinedLastDimension() {
        InvalidSpecException e = invalid(() -> Sequential.create().input(TensorShape.of(5, TensorShape.UNKNOWN))
                .add(Dense.units(3)));
        assertTrue(e.getMessage().contains("defined last dimension"), e.getMessage());
    }

    @Test
    void flattenThatWouldOverflowADimensionIsRejected() {
        InvalidSpecException e = invalid(() -> Sequential.create().input(65536, 65537).add(Flatten.create()));
        assertEquals("input", e.field());
        assertTrue(e.problem().startsWith("Flatten would make 4295032832 values per example"), e.problem());
    }

    @Test
    void duplicateLayerNamesAreRejected() {
        InvalidSpecException e = invalid(() -> Sequential.create().add(Dense.units(2).name("a"))
                .add(Dense.units(2).name("a")));
        assertEquals("name", e.field());
        assertEquals("layer 'a' (Dense, layers[1])", e.where());
    }

    @Test
    void missingInputShapeIsReportedWhenTheModelIsUsed() {
        Sequential model = Sequential.named("m").add(Dense.units(2));
        InvalidSpecException e = invalid(model::summary);
        assertEquals("input_shape", e.field());
        assertEquals("model 'm'", e.where());
    }

    @Test
    void biasRegularizerWithoutBiasIsRejected() {
        InvalidSpecException e = invalid(() -> Sequential.create().add(Dense.units(2).useBias(false)
                .biasRegularizer(l2(0.1))));
        assertEquals("bias_regularizer", e.field());
    }

    @Test
    void invalidOptimizerArgumentsNameTheField() {
        assertEquals("learning_rate", invalid(() -> Optimizer.sgd(-1)).field());
        assertEquals("momentum", invalid(() -> Optimizer.sgd().momentum(1.5)).field());
        assertEquals("beta_1", invalid(() -> Optimizer.adam().betas(1.0, 0.999)).field());
    }

    @Test
    void automaticNamesFollowKeras() {
        Sequential m = Sequential.create().input(3).add(Dense.units(4)).add(Dropout.rate(0.1)).add(Dense.units(2))
                .add(Dense.units(1).name("dense_2")).add(Dense.units(1));
        assertEquals("dense", m.layers().get(0).name());
        assertEquals("dropout", m.layers().get(1).name());
        assertEquals("dense_1", m.layers().get(2).name());
        assertEquals("dense_2", m.layers().get(3).name());
        assertEquals("dense_3", m.layers().get(4).name());
    }

    @Test
    void shapeInferenceAndParameterCounts() {
        ModelSummary s = Sequential.create().input(784).add(Dense.units(64)).add(Dense.units(10).useBias(false))
                .summary();
        assertEquals(TensorShape.of(10), s.outputShape());
        assertEquals(784 * 64 + 64 + 64 * 10, s.totalParams());
        assertEquals("(None, 64)", s.layers().get(0).outputShape().toString());
    }

    @Test
    void stringShorthandsFollowKeras3() {
        assertEquals(new L1(0.01), Regularizers.fromString("l1"));
        assertEquals(new L2(0.01), Regularizers.fromString("l2"));
        assertEquals(new L1L2(0.01, 0.01), Regularizers.fromString("l1_l2"));
        assertTrue(Regularizers.fromString("l1l2").isZero());
        assertThrows(SpecException.class, () -> Regularizers.fromString("l3"));
    }
}
