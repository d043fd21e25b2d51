package dev.strata.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The lexical side of the CSV loaders: lines (blank ones skipped, each physical line counted), cells (double
 * quotes honoured, no line spanning), finite float cells, class indices, and {@code file:line:column} errors.
 */
final class CsvReader {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

    /** One cell: its text and the 1-based column where it starts. */
    record Cell(String text, int column) {
    }

    private final BufferedReader in;
    private final String source;
    private final char separator;
    private int lineNumber;

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
        return NUMBER.matcher(cell.text().strip()).matches();
    }

    float number(Cell cell, String column) {
        String t = cell.text().strip();
        if (t.isEmpty()) {
            throw error(lineNumber, cell.column(), "empty cell in column '" + column
                    + "'; missing values are not supported");
        }
        if (!NUMBER.matcher(t).matches()) {
            throw error(lineNumber, cell.column(), "'" + t + "' in column '" + column + "' is not a number");
        }
        float v = Float.parseFloat(t);
        if (Float.isInfinite(v)) {
            throw error(lineNumber, cell.column(), t + " in column '" + column + "' is out of float range");
        }
        return v;
    }

    /** A class index: an integer >= 0, below {@code classes} when that is positive. */
    int classIndex(float v, Cell cell, String column, int classes) {
        if (v < 0 || v != Math.rint(v) || (classes > 0 && v >= classes)) {
            throw error(lineNumber, cell.column(), "label " + cell.text().strip() + " in column '" + column
                    + "' is not a class index " + (classes > 0 ? "in [0, " + classes + ")" : "(an integer >= 0)"));
        }
        return (int) v;
    }

    /** Splits one line into cells, honouring double quotes. */
    private List<Cell> cells(String line) {
        List<Cell> out = new ArrayList<>();
        int i = 0;
        while (true) {
            int start = i;
            StringBuilder text = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw error(lineNumber, start + 1, "unterminated quoted cell");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            text.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        text.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != separator) {
                    throw error(lineNumber, i + 1, "unexpected character after a closing quote");
                }
            } else {
                int end = line.indexOf(separator, i);
                end = end < 0 ? line.length() : end;
                text.append(line, i, end);
                i = end;
            }
            out.add(new Cell(text.toString(), start + 1));
            if (i >= line.length()) {
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
