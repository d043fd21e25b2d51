package dev.strata.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.graph.GraphCompiler;
import dev.strata.json.ModelJson;
import dev.strata.json.ReaderLimits;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.SizeLimits;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Dense;
import org.junit.jupiter.api.Test;

/**
 * The JSON reader's size caps hold for specs built in Java too, checked on shapes before any weight is drawn: the
 * fuzz run behind issue 15 reached weight sampling with {@code Dense.units(2147483647)} (a negative array size)
 * and a 1 x (2^31 - 1) kernel (an OutOfMemoryError).
 */
class SizeCapsTest {
    private static final TrainingConfig SGD = TrainingConfig.of(Optimizer.sgd(0.1), Loss.meanSquaredError());

    @Test
    void hugeDenseIsRefusedWithTheCountsAndTheLayer() {
        Sequential spec = Sequential.named("huge").input(784).add(Dense.units(Integer.MAX_VALUE).name("wide"));
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> Model.compile(spec, SGD));
        assertTrue(e.where().contains("'wide'"), e.getMessage());
        // 784 x (2^31 - 1) + (2^31 - 1) bias values.
        assertTrue(e.problem().startsWith("the model has 1,685,774,662,895 parameters, more than the limit of "
                + "250,000,000 (the largest layer, 'wide', has 1,685,774,662,895)"), e.problem());
        assertThrows(InvalidSpecException.class, () -> GraphCompiler.check(spec));
        assertThrows(InvalidSpecException.class, () -> GraphCompiler.initialWeights(spec, 0));
    }

    @Test
    void oneArrayTooLargeIsRefusedEvenUnderARaisedParameterLimit() {
        Sequential spec = Sequential.named("long").input(1).add(Dense.units(Integer.MAX_VALUE).name("d"));
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> Model.compile(spec, SGD,
                ModelOptions.defaults().maxParams(Long.MAX_VALUE)));
        assertTrue(e.problem().contains("weight 'kernel' of shape [1, 2147483647]"), e.problem());
    }

    @Test
    void theParameterLimitIsTheReadersAndConfigurable() {
        assertEquals(SizeLimits.DEFAULT_MAX_PARAMS, ReaderLimits.DEFAULT_MAX_PARAMS);
        // 20,000 x 20,000 = 400M parameters: over the default, checked without allocating 1.6 GB.
        Sequential big = Sequential.named("big").input(20_000).add(Dense.units(20_000).useBias(false));
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> Model.compile(big, SGD));
        assertTrue(e.problem().startsWith("the model has 400,000,000 parameters, more than the limit of "
                + "250,000,000 (the largest layer, 'dense', has 400,000,000)"), e.problem());
        assertTrue(e.problem().contains("ModelOptions.maxParams"), e.problem());
        assertEquals(400_000_000L, GraphCompiler.check(big, 400_000_000L).totalParams());

        Sequential small = Sequential.named("small").input(10).add(Dense.units(10));
        InvalidSpecException capped = assertThrows(InvalidSpecException.class,
                () -> Model.compile(small, SGD, ModelOptions.defaults().maxParams(100)));
        assertTrue(capped.problem().startsWith("the model has 110 parameters, more than the limit of 100"),
                capped.problem());
        try (Model m = Model.compile(small, SGD)) {
            assertEquals(110, m.summary().totalParams());
        }
    }

    @Test
    void aFileReadUnderARaisedLimitCompilesUnderTheSameLimit() {
        String json = ModelJson.write(Sequential.named("m").input(10).add(Dense.units(10)));
        var read = ModelJson.reader(ReaderLimits.defaults().withMaxParams(100));
        assertThrows(dev.strata.json.JsonSpecException.class, () -> read.read(json));
        var spec = ModelJson.reader(ReaderLimits.defaults().withMaxParams(110)).read(json).spec();
        try (Model m = Model.compile(spec, SGD, ModelOptions.defaults().maxParams(110))) {
            assertEquals(110, m.summary().totalParams());
        }
    }
}
