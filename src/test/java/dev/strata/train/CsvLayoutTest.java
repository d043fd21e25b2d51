package dev.strata.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.samples.TwoHeads;
import dev.strata.spec.TensorShape;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV files of several inputs and targets: columns by name, prefix and class labels, and pathed errors. */
class CsvLayoutTest {
    private static final String CSV = """
            a_0,scale,a_1,kind,size_x,size_y
            1,0.5,2,2,10,11
            3,1.5,4,0,12,13
            """;

    private static Dataset load(String text, CsvLayout layout) {
        return CsvLoader.load(new StringReader(text), "multi.csv", layout);
    }

    @Test
    void columnsGoToTheirInputsAndTargetsInLayoutOrder() {
        CsvLayout layout = CsvLayout.create().input("a", TensorShape.of(2), "a_*").input("scale", TensorShape.of(1),
                "scale").target("kind", CsvOptions.Labels.ONE_HOT, 3, "kind").target("size", "size_y", "size_x");
        Dataset d = load(CSV, layout);
        assertEquals(2, d.size());
        assertEquals(List.of(TensorShape.of(2), TensorShape.of(1)), d.xShapes());
        assertEquals(List.of(TensorShape.of(3), TensorShape.of(2)), d.yShapes());
        assertArrayEquals(new float[] {3, 4}, d.input(0, 1));
        assertArrayEquals(new float[] {1.5f}, d.input(1, 1));
        assertArrayEquals(new float[] {0, 0, 1}, d.target(0, 0));
        assertArrayEquals(new float[] {1, 0, 0}, d.target(0, 1));
        assertArrayEquals(new float[] {13, 12}, d.target(1, 1), "columns in the order the layout names them");
    }

    @Test
    void aPrefixTargetTakesItsWidthFromTheHeader() {
        Dataset d = load(CSV, CsvLayout.create().input("scale", TensorShape.of(1), "scale").target("size",
                "size_*"));
        assertEquals(TensorShape.of(2), d.yShapes().get(0));
        assertArrayEquals(new float[] {10, 11}, d.target(0, 0));
    }

    @Test
    void errorsNameTheFileLineColumnAndPart() {
        CsvFormatException missing = assertThrows(CsvFormatException.class, () -> load(CSV, CsvLayout.create()
                .input("b", TensorShape.of(2), "b_*").target("kind", "kind")));
        assertEquals("multi.csv:1:1: no column starts with 'b_' (for 'b'); columns are: a_0, scale, a_1, kind, "
                + "size_x, size_y", missing.getMessage());
        CsvFormatException width = assertThrows(CsvFormatException.class, () -> load(CSV, CsvLayout.create()
                .input("a", TensorShape.of(3), "a_*").target("kind", "kind")));
        assertEquals("multi.csv:1:1: 'a' of shape (None, 3) needs 3 columns; [a_*] name 2", width.getMessage());
        CsvFormatException label = assertThrows(CsvFormatException.class, () -> load(CSV, CsvLayout.create()
                .input("a", TensorShape.of(2), "a_*").target("kind", CsvOptions.Labels.ONE_HOT, 2, "kind")));
        assertEquals("multi.csv:2:9: label 2 in column 'kind' is not a class index in [0, 2)", label.getMessage());
    }

    /** The convention the command line uses: columns named after the model's inputs and outputs. */
    @Test
    void byNameFollowsTheModelsInputAndOutputNamesAndLosses() {
        CsvLayout layout = CsvLayout.byName(TwoHeads.spec().summary(), TwoHeads.config());
        assertEquals(List.of("image_*"), layout.inputs().get(0).columns());
        assertEquals(TensorShape.of(12, 12, 1), layout.inputs().get(0).shape());
        assertEquals(List.of("scale"), layout.inputs().get(1).columns());
        assertEquals(CsvOptions.Labels.ONE_HOT, layout.targets().get(0).labels());
        assertEquals(List.of("shape"), layout.targets().get(0).columns());
        assertEquals(CsvOptions.Labels.VALUES, layout.targets().get(1).labels());
        assertEquals(List.of("brightness"), layout.targets().get(1).columns());
    }
}
