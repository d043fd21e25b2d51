package dev.strata.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.spec.TensorShape;
import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/**
 * Class labels are exact integers and their counts are bounded before anything is allocated: the fuzz run behind
 * issue 15 saw {@code oneHot(Integer.MAX_VALUE)} end in an OutOfMemoryError and the sparse label 16777217 become
 * 16777216 without a word.
 */
class CsvLabelLimitsTest {
    private static CsvData load(String text, CsvOptions options) {
        return CsvLoader.load(new StringReader(text), "data.csv", options);
    }

    private static String error(String text, CsvOptions options) {
        return assertThrows(CsvFormatException.class, () -> load(text, options)).getMessage();
    }

    @Test
    void aOneHotClassCountPastTheCapIsRefusedBeforeLoading() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvOptions.label("y").oneHot(Integer.MAX_VALUE));
        assertEquals("one-hot labels of 2,147,483,647 classes: more than the 16,777,216 a float32 class index can "
                + "name exactly", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CsvLayout.create().input("x", TensorShape.of(1), "a")
                .target("y", CsvOptions.Labels.ONE_HOT, CsvOptions.MAX_CLASSES + 1, "y"));
    }

    @Test
    void sparseLabelsAreExactIntegers() {
        CsvData d = load("a,y\n1,16777215\n2,3.0\n3,4e0\n4,0\n", CsvOptions.label("y").sparse());
        float[] labels = new float[4];
        for (int i = 0; i < 4; i++) {
            labels[i] = d.dataset().target(i)[0];
        }
        assertArrayEquals(new float[] {16777215f, 3f, 4f, 0f}, labels);
        assertEquals("data.csv:2:3: label 16777217 in column 'y' is a class index of 2^24 (16,777,216) or more, "
                + "which a float32 target cannot hold exactly",
                error("a,y\n1,16777217\n", CsvOptions.label("y").sparse()));
        assertEquals("data.csv:2:3: label 16777216 in column 'y' is a class index of 2^24 (16,777,216) or more, "
                + "which a float32 target cannot hold exactly",
                error("a,y\n1,16777216\n", CsvOptions.label("y").sparse()));
        assertEquals("data.csv:2:3: label 1e-9999999999 in column 'y' is not a class index (an integer >= 0)",
                error("a,y\n1,1e-9999999999\n", CsvOptions.label("y").sparse()));
        assertEquals("data.csv:2:3: label 2.5e0 in column 'y' is not a class index (an integer >= 0)",
                error("a,y\n1,2.5e0\n", CsvOptions.label("y").sparse()));
    }

    @Test
    void sparseLabelsInALayoutAreExactIntegersToo() {
        CsvLayout layout = CsvLayout.create().input("x", TensorShape.of(1), "a")
                .target("y", CsvOptions.Labels.SPARSE, 0, "y");
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvLoader.load(new StringReader("a,y\n1,16777217\n"), "data.csv", layout));
        assertEquals("data.csv:2:3: label 16777217 in column 'y' is a class index of 2^24 (16,777,216) or more, "
                + "which a float32 target cannot hold exactly", e.getMessage());
    }

    @Test
    void rowsPastWhatOneArrayHoldsAreATypedError() {
        CsvReader in = new CsvReader(new BufferedReader(new StringReader("")), "data.csv", ',');
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> in.room(new float[4], Integer.MAX_VALUE - 100, 200, "targets"));
        assertEquals("data.csv:0:1: the targets up to this row take 2,147,483,747 values (200 per row), more than "
                + "one array holds (2,147,483,639)", e.getMessage());
        assertEquals(8, in.room(new float[4], 3, 2, "targets").length);
    }
}
