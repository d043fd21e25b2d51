package dev.strata.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Label columns of class names, as a standard iris CSV has them: numbered in sorted order, encoded as the loss
 * needs, reused for later files, and every bad name refused at its file:line:column.
 */
class CsvClassNamesTest {
    private static final String IRIS = "sepal,petal,species\n1,2,versicolor\n3,4,setosa\n5,6,virginica\n7,8,setosa\n";

    private static CsvData load(String csv, CsvOptions options) {
        return CsvLoader.load(new StringReader(csv), "iris.csv", options);
    }

    @Test
    void namesBecomeSortedClassIndices() {
        CsvData d = load(IRIS, CsvOptions.label("species").sparse());
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
        assertEquals("setosa=0, versicolor=1, virginica=2", d.describeClasses());
        assertArrayEquals(new float[] {1, 0, 2, 0}, d.dataset().targetParts().get(0).values());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, d.dataset().inputParts().get(0).values());
    }

    @Test
    void oneHotRowsAndTwoNamesAsBinaryValues() {
        CsvData oneHot = load(IRIS, CsvOptions.label("species").oneHot(3));
        assertArrayEquals(new float[] {0, 1, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0},
                oneHot.dataset().targetParts().get(0).values());
        CsvData binary = load("x,answer\n1,yes\n2,no\n3,yes\n", CsvOptions.label("answer"));
        assertArrayEquals(new float[] {1, 0, 1}, binary.dataset().targetParts().get(0).values());
        assertEquals(List.of("no", "yes"), binary.classNames());
        assertEquals(List.of(), load("x,y\n1,0.5\n", CsvOptions.label("y")).classNames(), "numbers stay numbers");
    }

    @Test
    void aLaterFileUsesTheTrainingNumbering() {
        List<String> names = load(IRIS, CsvOptions.label("species").sparse()).classNames();
        CsvData test = load("sepal,petal,species\n1,1,virginica\n2,2,setosa\n",
                CsvOptions.label("species").sparse().classNames(names));
        assertArrayEquals(new float[] {2, 0}, test.dataset().targetParts().get(0).values());
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> load(
                "sepal,petal,species\n1,1,virginica\n2,2,daisy\n", CsvOptions.label("species").sparse()
                        .classNames(names)));
        assertTrue(e.getMessage().startsWith("iris.csv:3:5: label 'daisy' in column 'species' is not one of the "
                + "training classes [setosa, versicolor, virginica]"), e.getMessage());
    }

    @Test
    void badNamesAreRefusedWhereTheyStand() {
        CsvFormatException three = assertThrows(CsvFormatException.class,
                () -> load(IRIS, CsvOptions.label("species")));
        assertTrue(three.getMessage().contains("holds 3 class names (setosa, versicolor, virginica) but the loss "
                + "takes numbers"), three.getMessage());
        CsvFormatException tooMany = assertThrows(CsvFormatException.class,
                () -> load(IRIS, CsvOptions.label("species").oneHot(2)));
        assertTrue(tooMany.getMessage().contains("names 3 classes"), tooMany.getMessage());
        CsvFormatException empty = assertThrows(CsvFormatException.class,
                () -> load("x,species\n1,setosa\n2, \n", CsvOptions.label("species").sparse()));
        assertTrue(empty.getMessage().startsWith("iris.csv:3:3: empty label"), empty.getMessage());
    }

    @Test
    void theBundledIrisFileTrainsFromItsNames() {
        CsvData iris = CsvLoader.load(Path.of("dsl-samples/data/iris.csv"), CsvOptions.label("species").sparse());
        assertEquals(150, iris.dataset().size());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
    }
}
