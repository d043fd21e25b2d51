package dev.strata.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.spec.TensorShape;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV loader's happy paths, and every error with its exact {@code file:line:column} message. */
class CsvLoaderTest {
    private static Path resource(String name) {
        try {
            return Path.of(CsvLoaderTest.class.getResource("/train/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CsvData load(String text, CsvOptions options) {
        return CsvLoader.load(new StringReader(text), "data.csv", options);
    }

    private static String error(String text, CsvOptions options) {
        return assertThrows(CsvFormatException.class, () -> load(text, options)).getMessage();
    }

    @Test
    void readsFeaturesAndOneHotLabelsFromAFile() {
        CsvData d = CsvLoader.load(resource("flowers.csv"), CsvOptions.label("species").oneHot(3));
        assertEquals(List.of("sepal_length", "sepal_width", "petal, length"), d.featureNames());
        assertEquals("species", d.labelName());
        Dataset data = d.dataset();
        assertEquals(4, data.size());
        assertEquals(TensorShape.of(3), data.xShape());
        assertEquals(TensorShape.of(3), data.yShape());
        assertArrayEquals(new float[] {6.3f, 3.3f, 6.0f}, data.input(2));
        assertArrayEquals(new float[] {0, 0, 1}, data.target(2));
        assertArrayEquals(new float[] {0, 1, 0}, data.target(3));
        assertNull(d.standardizer());
    }

    @Test
    void sparseLabelsAndLabelByIndex() {
        Dataset data = CsvLoader.load(resource("flowers.csv"), CsvOptions.labelIndex(3).sparse()).dataset();
        assertEquals(TensorShape.of(1), data.yShape());
        assertArrayEquals(new float[] {2}, data.target(2));
        Dataset first = CsvLoader.load(resource("flowers.csv"), CsvOptions.labelIndex(0)).dataset();
        assertArrayEquals(new float[] {5.1f}, first.target(0));
        assertArrayEquals(new float[] {3.5f, 1.4f, 0f}, first.input(0));
    }

    @Test
    void byteOrderMarkAndOtherSeparators() {
        Dataset bom = CsvLoader.load(resource("bom.csv"), CsvOptions.label("x1")).dataset();
        assertArrayEquals(new float[] {3f}, bom.target(1));
        Dataset semi = load("a;b\n1.5;-2e-1\n", CsvOptions.label("b").separator(';')).dataset();
        assertArrayEquals(new float[] {1.5f}, semi.input(0));
        assertArrayEquals(new float[] {-0.2f}, semi.target(0));
    }

    @Test
    void standardizesWithTrainingStatisticsOnly() {
        // Feature a: 1, 2, 3 (mean 2, population std sqrt(2/3)); feature b is constant: std 0, so divided by 1e-7.
        CsvData train = load("a,b,y\n1,5,0\n2,5,1\n3,5,0\n", CsvOptions.label("y").standardize());
        float std = (float) Math.sqrt(2.0 / 3);
        assertArrayEquals(new float[] {2, 5}, train.standardizer().mean());
        assertArrayEquals(new float[] {std, 0}, train.standardizer().std());
        assertArrayEquals(new float[] {(1 - 2) / std, 0}, train.dataset().input(0));
        assertArrayEquals(new float[] {(3 - 2) / std, 0}, train.dataset().input(2));
        CsvData test = load("a,b,y\n4,6,1\n", CsvOptions.label("y").standardize(train.standardizer()));
        assertArrayEquals(new float[] {(4 - 2) / std, (6 - 5) / 1e-7f}, test.dataset().input(0));
        assertEquals(train.standardizer(), test.standardizer());
    }

    @Test
    void standardizerAppliesToAnyDatasetView() {
        Dataset all = Dataset.of(new float[][] {{0}, {10}, {20}, {30}}, new float[][] {{1}, {2}, {3}, {4}});
        Dataset[] parts = all.splitLast(0.5);
        Standardizer s = Standardizer.adapt(parts[0]);
        assertArrayEquals(new float[] {5}, s.mean());
        Dataset val = s.apply(parts[1]);
        assertArrayEquals(new float[] {3}, val.input(0));
        assertArrayEquals(new float[] {5}, val.input(1));
        assertArrayEquals(new float[] {4}, val.target(1));
    }

    @Test
    void badNumberNamesFileLineColumnAndColumnName() {
        assertEquals("data.csv:3:5: 'abc' in column 'b' is not a number",
                error("a,b,y\n1,2,0\n1.5,abc,1\n", CsvOptions.label("y")));
        assertEquals("data.csv:2:3: '1,5' in column 'b' is not a number",
                error("a;b;y\n0;1,5;1\n", CsvOptions.label("y").separator(';')));
        assertEquals("data.csv:2:1: 'NaN' in column 'a' is not a number",
                error("a,y\nNaN,1\n", CsvOptions.label("y")));
        assertEquals("data.csv:2:1: 1e39 in column 'a' is out of float range",
                error("a,y\n1e39,1\n", CsvOptions.label("y")));
    }

    @Test
    void emptyCellIsAMissingValue() {
        assertEquals("data.csv:2:3: empty cell in column 'b'; missing values are not supported",
                error("a,b,y\n1,,0\n", CsvOptions.label("y")));
    }

    @Test
    void raggedRowsPointAtTheExtraCellOrTheLineEnd() {
        assertEquals("data.csv:3:7: row has 4 cells but the header has 3",
                error("a,b,y\n1,2,0\n1,2,0,9\n", CsvOptions.label("y")));
        assertEquals("data.csv:4:4: row has 2 cells but the header has 3",
                error("a,b,y\n1,2,0\n\n1,2\n", CsvOptions.label("y")));
    }

    @Test
    void missingLabelColumn() {
        assertEquals("data.csv:1:1: no label column 'label' in the header; columns are: a, b, y",
                error("a,b,y\n1,2,0\n", CsvOptions.label("label")));
        assertEquals("data.csv:1:1: label column index 3 is out of range: the header has 3 columns",
                error("a,b,y\n1,2,0\n", CsvOptions.labelIndex(3)));
        assertEquals("data.csv:1:5: label column 'y' appears twice in the header",
                error("y,b,y\n1,2,0\n", CsvOptions.label("y")));
    }

    @Test
    void labelsThatAreNotClassIndices() {
        assertEquals("data.csv:3:3: label 3 in column 'y' is not a class index in [0, 3)",
                error("a,y\n1,2\n1,3\n", CsvOptions.label("y").oneHot(3)));
        assertEquals("data.csv:2:3: label 1.5 in column 'y' is not a class index (an integer >= 0)",
                error("a,y\n1,1.5\n", CsvOptions.label("y").sparse()));
        assertEquals("data.csv:2:3: label -1 in column 'y' is not a class index (an integer >= 0)",
                error("a,y\n1,-1\n", CsvOptions.label("y").sparse()));
    }

    @Test
    void emptyFilesAndHeadersWithoutData() {
        assertEquals("data.csv:1:1: empty file; expected a header row", error("", CsvOptions.label("y")));
        assertEquals("data.csv:3:1: no data rows after the header", error("a,y\n\n", CsvOptions.label("y")));
        assertEquals("data.csv:1:1: the header has only the label column 'y'; there are no feature columns",
                error("y\n1\n", CsvOptions.label("y")));
    }

    @Test
    void quotingErrors() {
        assertEquals("data.csv:2:3: unterminated quoted cell", error("a,y\n1,\"2\n", CsvOptions.label("y")));
        assertEquals("data.csv:2:6: unexpected character after a closing quote",
                error("a,y\n\"1.5\"x,2\n", CsvOptions.label("y")));
        assertArrayEquals(new float[] {1.5f}, load("a,y\n\"1.5\",2\n", CsvOptions.label("y")).dataset().input(0));
    }

    @Test
    void errorsFromAFileCarryItsPath() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvLoader.load(resource("flowers.csv"), CsvOptions.label("species").oneHot(2)));
        assertEquals(resource("flowers.csv") + ":5:13: label 2 in column 'species' is not a class index in [0, 2)",
                e.getMessage());
        assertEquals(5, e.line());
        assertEquals(13, e.column());
    }

    @Test
    void standardizerOfAnotherWidthIsRejected() {
        Standardizer two = Standardizer.of(new float[] {0, 0}, new float[] {1, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load("a,y\n1,2\n", CsvOptions.label("y").standardize(two)));
        assertEquals("data.csv has 1 feature columns but the standardizer was computed on 2", e.getMessage());
    }
}
