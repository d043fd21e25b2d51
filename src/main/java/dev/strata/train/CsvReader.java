package dev.strata.train;

import java.io.BufferedReader;
import dev.strata.spec.SizeLimits;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The lexical side of the CSV loaders: lines (blank ones skipped, each physical line counted), cells (double
 * quotes honoured, no line spanning), finite float cells, class indices, and {@code file:line:column} errors.
 */
final class CsvReader {
    /** One cell: its text and the 1-based column where it starts. */
    record Cell(String text, int column) {
    }

    private final BufferedReader in;
    private final String source;
    private final char separator;
    private int lineNumber;
    private int width = 16;

    CsvReader(BufferedReader in, String source, char separator) {
        this.in = in;
        this.source = source;
        this.separator = separator;
    }

    int lineNumber() {
        return lineNumber;
    }

    /** The header's cells (a byte-order mark dropped); an empty file is an error. */
    List<Cell> header() throws IOException {
        String line = nextLine();
        if (line == null) {
            throw error(Math.max(lineNumber, 1), 1, "empty file; expected a header row");
        }
        return cells(line.startsWith("\uFEFF") ? line.substring(1) : line);
    }

    /** The next row's cells, checked to be as many as the header's, or null at the end. */
    List<Cell> row(int width) throws IOException {
        String line = nextLine();
        if (line == null) {
            return null;
        }
        List<Cell> row = cells(line);
        if (row.size() != width) {
            int column = row.size() > width ? row.get(width).column() : line.length() + 1;
            throw error(lineNumber, column, "row has " + row.size() + " cells but the header has " + width);
        }
        return row;
    }

    static List<String> names(List<Cell> header) {
        List<String> names = new ArrayList<>();
        header.forEach(c -> names.add(c.text().strip()));
        return names;
    }

    /** Whether a cell holds a number (the loaders read label columns of names as classes). */
    static boolean isNumber(Cell cell) {
        return isDecimal(cell.text().strip());
    }

    /**
     * Whether {@code t} is a plain decimal number, {@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?}: what
     * {@link Float#parseFloat} should see, not its {@code NaN}, {@code Infinity}, {@code 1f} or {@code 0x1p3}.
     * Scanned by hand: as a regular expression this check took two thirds of the time to load a large file
     * (CsvParserBench, README's Data section).
     */
    static boolean isDecimal(String t) {
        int n = t.length();
        int i = n > 0 && (t.charAt(0) == '+' || t.charAt(0) == '-') ? 1 : 0;
        int start = i;
        i = digits(t, i);
        int integer = i - start;
        int fraction = 0;
        if (i < n && t.charAt(i) == '.') {
            int from = i + 1;
            i = digits(t, from);
            fraction = i - from;
        }
        if (integer == 0 && fraction == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            i += i < n && (t.charAt(i) == '+' || t.charAt(i) == '-') ? 1 : 0;
            int from = i;
            i = digits(t, from);
            if (i == from) {
                return false;
            }
        }
        return i == n;
    }

    /** The index after the ASCII digits from {@code i} (only 0-9, as the regex's {@code \d}). */
    private static int digits(String t, int i) {
        while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    float number(Cell cell, String column) {
        String t = cell.text().strip();
        if (t.isEmpty()) {
            throw error(lineNumber, cell.column(), "empty cell in column '" + column
                    + "'; missing values are not supported");
        }
        if (!isDecimal(t)) {
            throw error(lineNumber, cell.column(), "'" + t + "' in column '" + column + "' is not a number");
        }
        float v = Float.parseFloat(t);
        if (Float.isInfinite(v)) {
            throw error(lineNumber, cell.column(), t + " in column '" + column + "' is out of float range");
        }
        return v;
    }

    /** A class index: an integer >= 0, below {@code classes} when that is positive. */
    /**
     * The class index a label cell holds, read as an exact number ({@code 3}, {@code 3.0}, {@code 3e0}): read as a
     * float, 16777217 became 16777216. Indices of {@link CsvOptions#MAX_CLASSES} (2^24) or more are refused, since
     * they reach TensorFlow as float32 targets. The cell has passed {@link #number}.
     */
    int classIndex(Cell cell, String column, int classes) {
        String t = cell.text().strip();
        BigDecimal v;
        try {
            v = new BigDecimal(t);
        } catch (NumberFormatException e) {
            v = BigDecimal.valueOf(-1); // an exponent past int range: 1e-9999999999 is no index either
        }
        boolean integral = v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
        if (v.signum() < 0 || !integral || (classes > 0 && v.compareTo(BigDecimal.valueOf(classes)) >= 0)) {
            throw error(lineNumber, cell.column(), "label " + t + " in column '" + column
                    + "' is not a class index " + (classes > 0 ? "in [0, " + classes + ")" : "(an integer >= 0)"));
        }
        if (v.compareTo(BigDecimal.valueOf(CsvOptions.MAX_CLASSES)) >= 0) {
            throw error(lineNumber, cell.column(), String.format(Locale.ROOT, "label %s in column '%s' is a class "
                    + "index of 2^24 (%,d) or more, which a float32 target cannot hold exactly", t, column,
                    CsvOptions.MAX_CLASSES));
        }
        return v.intValueExact();
    }

    /**
     * {@code values} with room for {@code width} more after {@code used}, grown by doubling; refused with the
     * counts once the flat array would pass what one Java array holds ({@code oneHot(Integer.MAX_VALUE)} asked
     * for 8 GB at the first row).
     */
    float[] room(float[] values, int used, int width, String what) {
        long need = (long) used + width;
        if (need <= values.length) {
            return values;
        }
        if (need > SizeLimits.MAX_ARRAY_VALUES) {
            throw error(lineNumber, 1, String.format(Locale.ROOT, "the %s up to this row take %,d values (%,d per "
                    + "row), more than one array holds (%,d)", what, need, width, SizeLimits.MAX_ARRAY_VALUES));
        }
        return Arrays.copyOf(values, (int) Math.min(Math.max(2L * values.length, need), SizeLimits.MAX_ARRAY_VALUES));
    }

    /** Splits one line into cells, honouring double quotes. */
    private List<Cell> cells(String line) {
        List<Cell> out = new ArrayList<>(width); // rows are as wide as the last one: no regrowing per row
        int i = 0;
        while (true) {
            int start = i;
            String text;
            if (i < line.length() && line.charAt(i) == '"') {
                StringBuilder quoted = new StringBuilder();
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw error(lineNumber, start + 1, "unterminated quoted cell");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            quoted.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        quoted.append(c);
                    }
                }
                text = quoted.toString();
                if (i < line.length() && line.charAt(i) != separator) {
                    throw error(lineNumber, i + 1, "unexpected character after a closing quote");
                }
            } else {
                int end = line.indexOf(separator, i);
                end = end < 0 ? line.length() : end;
                text = line.substring(i, end); // one copy: a builder here cost a second one per cell
                i = end;
            }
            out.add(new Cell(text, start + 1));
            if (i >= line.length()) {
                width = out.size();
                return out;
            }
            i++;
        }
    }

    /** The next line that is not blank, or null at the end; counts every physical line. */
    private String nextLine() throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (!line.isBlank()) {
                return line;
            }
        }
        return null;
    }

    CsvFormatException error(int line, int column, String problem) {
        return new CsvFormatException(source, line, column, problem);
    }
}
