package dev.strata.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected strings are Python 3's {@code repr(float(x))}. */
class PythonFloatTest {
    @Test
    void matchesPythonRepr() {
        assertEquals("0.10000000149011612", PythonFloat.repr(0.1f));
        assertEquals("0.1", PythonFloat.repr(0.1));
        assertEquals("3.0", PythonFloat.repr(3));
        assertEquals("-2.5", PythonFloat.repr(-2.5));
        assertEquals("100.0", PythonFloat.repr(100));
        assertEquals("0.0001", PythonFloat.repr(1e-4));
        assertEquals("1e-05", PythonFloat.repr(1e-5));
        assertEquals("1.5e-07", PythonFloat.repr(1.5e-7));
        assertEquals("1234567890123456.0", PythonFloat.repr(1234567890123456.0));
        assertEquals("1e+16", PythonFloat.repr(1e16));
        assertEquals("1.7976931348623157e+308", PythonFloat.repr(Double.MAX_VALUE));
        assertEquals("5e-324", PythonFloat.repr(Double.MIN_VALUE));
        assertEquals("0.0", PythonFloat.repr(0.0));
        assertEquals("-0.0", PythonFloat.repr(-0.0));
        assertEquals("nan", PythonFloat.repr(Double.NaN));
        assertEquals("-inf", PythonFloat.repr(Double.NEGATIVE_INFINITY));
        // Java 17's Double.toString gives 2.0E-3 correctly but 2.82879384806159008E17 for this one.
        assertEquals("2.82879384806159e+17", PythonFloat.repr(2.82879384806159E17));
    }

    @Test
    void matchesPythonOnPowersOfTwoAndRandomBitPatterns() throws Exception {
        java.util.List<String> lines = java.nio.file.Files.readAllLines(
                java.nio.file.Path.of("src/test/resources/json/python_float_repr.txt"));
        int checked = 0;
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(" ");
            double v = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
            assertEquals(parts[1], PythonFloat.repr(v), parts[0]);
            checked++;
        }
        assertEquals(true, checked > 2500, "checked " + checked);
    }
}
