package dev.strata.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.spec.layers.Conv2D;
import dev.strata.spec.layers.Dense;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ModelSpec#withInputShapes}: what inputs of unknown size become for given data. */
class WithInputShapesTest {
    private static final int U = TensorShape.UNKNOWN;

    @Test
    void anImageModelOfAnySizeGetsTheOutputItsDataGives() {
        Sequential any = Sequential.named("grid").input(TensorShape.of(U, U, 3)).add(Conv2D.of(5, 3));
        assertEquals(TensorShape.of(U, U, 5), any.summary().outputShape());
        Sequential sized = any.withInputShapes(List.of(TensorShape.of(10, 12, 3)));
        assertEquals(TensorShape.of(8, 10, 5), sized.summary().outputShape());
        assertEquals(any.layers(), sized.layers());
        assertThrows(IllegalArgumentException.class, () -> any.withInputShapes(List.of()));
    }

    @Test
    void aFunctionalModelTakesOneShapePerInputInOrder() {
        KerasTensor a = Input.named("a", U, 4);
        KerasTensor b = Input.named("b", 2);
        Functional f = Functional.of("two", List.of(a, b),
                List.of(Dense.units(3).apply(a), Dense.units(1).apply(b)));
        Functional sized = f.withInputShapes(List.of(TensorShape.of(7, 4), TensorShape.of(2)));
        assertEquals(List.of(TensorShape.of(7, 3), TensorShape.of(1)), sized.summary().outputShapes());
        assertThrows(IllegalArgumentException.class, () -> f.withInputShapes(List.of(TensorShape.of(7, 4))));
    }
}
