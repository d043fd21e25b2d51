package dev.strata.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.json.ModelJson;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Sequential;
import dev.strata.spec.SpecException;
import dev.strata.spec.TensorShape;
import dev.strata.spec.layers.Flatten;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * Shapes TensorFlow would abort the process on (its {@code tensor_shape.cc} CHECK: at most 254 axes per tensor,
 * the batch axis included) are refused in Java, however the spec was made, before any graph op exists.
 */
class NativeLimitsTest {
    @Test
    void moreThan254AxesAreRefusedBeforeAnyGraph() {
        int[] dims = new int[254];
        java.util.Arrays.fill(dims, 1);
        InvalidSpecException fluent = assertThrows(InvalidSpecException.class, () -> TensorShape.of(dims));
        assertTrue(fluent.getMessage().contains("at most 254 axes, the batch axis included; this shape has 255"),
                fluent.getMessage());
        assertEquals(253, TensorShape.of(java.util.Arrays.copyOf(dims, 253)).rank(), "253 + batch is TF's limit");
        String json = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": [{\"class_name\": "
                + "\"InputLayer\", \"config\": {\"batch_shape\": [null" + String.join("", Collections.nCopies(300,
                ", 1")) + "]}}, {\"class_name\": \"Flatten\", \"config\": {\"name\": \"f\"}}]}}";
        SpecException e = assertThrows(SpecException.class, () -> ModelJson.read(json).spec().summary());
        assertTrue(e.getMessage().contains("at most 254 axes"), e.getMessage());
        assertThrows(InvalidSpecException.class, () -> Sequential.create().input(dims).add(Flatten.create()));
    }
}
