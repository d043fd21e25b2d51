package dev.strata.train;

import dev.strata.spec.TensorShape;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a CSV file with a header row into a {@link Dataset}: one example per row, the label column as the
 * target (value, class index or one-hot, see {@link CsvOptions}), every other column a float feature. Values
 * stream into one flat array, without an object per row. Blank lines are skipped; cells may be quoted
 * ({@code "a,b"}, {@code ""} for a quote) but not span lines.
 *
 * <p>Anything that is not a clean table of finite numbers fails with a {@link CsvFormatException} that names
 * {@code file:line:column} and the column: a bad or empty cell, a row with too many or too few cells, a label
 * column missing from the header, a label that is not a valid class index.
 */
public final class CsvLoader {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private CsvLoader() {
    }

    public static CsvData load(Path file, CsvOptions options) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader, file.toString(), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads from any reader; {@code source} names it in error messages (a file name or resource path). */
    public static CsvData load(Reader reader, String source, CsvOptions options) {
        try {
            return new Parse(new BufferedReader(reader), source, options).run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** One cell: its text and the 1-based column where it starts. */
    private record Cell(String text, int column) {
    }

    private static final class Parse {
        private final BufferedReader in;
        private final String source;
        private final CsvOptions options;
        private int lineNumber;
        private float[] x = new float[1024];
        private float[] y = new float[256];
        private int xUsed;
        private int yUsed;

        Parse(BufferedReader in, String source, CsvOptions options) {
            this.in = in;
            this.source = source;
            this.options = options;
        }

        CsvData run() throws IOException {
            String headerLine = nextLine();
            if (headerLine == null) {
                throw error(Math.max(lineNumber, 1), 1, "empty file; expected a header row");
            }
            if (headerLine.startsWith("\uFEFF")) {
                headerLine = headerLine.substring(1);
            }
            int headerAt = lineNumber;
            List<Cell> header = cells(headerLine);
            List<String> names = new ArrayList<>();
            for (Cell c : header) {
                names.add(c.text().strip());
            }
            int label = labelColumn(names, header, headerAt);
            if (names.size() < 2) {
                throw error(headerAt, 1, "the header has only the label column '" + names.get(label)
                        + "'; there are no feature columns");
            }
            int features = names.size() - 1;
            int targetWidth = options.labels() == CsvOptions.Labels.ONE_HOT ? options.classes() : 1;
            int rows = 0;
            for (String line = nextLine(); line != null; line = nextLine()) {
                List<Cell> row = cells(line);
                if (row.size() != names.size()) {
                    int column = row.size() > names.size() ? row.get(names.size()).column() : line.length() + 1;
                    throw error(lineNumber, column, "row has " + row.size() + " cells but the header has "
                            + names.size());
                }
                ensure(features, targetWidth);
                for (int i = 0; i < row.size(); i++) {
                    float v = number(row.get(i), names.get(i));
                    if (i == label) {
                        target(v, row.get(i), names.get(i));
                    } else {
                        x[xUsed++] = v;
                    }
                }
                rows++;
            }
            if (rows == 0) {
                throw error(lineNumber + 1, 1, "no data rows after the header");
            }
            float[] xs = Arrays.copyOf(x, xUsed);
            Standardizer standardizer = null;
            if (options.standardizeFeatures()) {
                standardizer = options.standardizer() != null ? options.standardizer()
                        : Standardizer.adapt(Dataset.of(xs, TensorShape.of(features), null, null));
                if (standardizer.features() != features) {
                    throw new IllegalArgumentException(source + " has " + features + " feature columns but the"
                            + " standardizer was computed on " + standardizer.features());
                }
                standardizer.applyInPlace(xs);
            }
            List<String> featureNames = new ArrayList<>(names);
            featureNames.remove(label);
            Dataset data = Dataset.of(xs, TensorShape.of(features), Arrays.copyOf(y, yUsed),
                    TensorShape.of(targetWidth));
            return new CsvData(data, featureNames, names.get(label), standardizer);
        }

        private int labelColumn(List<String> names, List<Cell> header, int line) {
            if (options.labelName() == null) {
                if (options.labelIndex() >= names.size()) {
                    throw error(line, 1, "label column index " + options.labelIndex() + " is out of range: the header"
                            + " has " + names.size() + " columns");
                }
                return options.labelIndex();
            }
            int found = -1;
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equals(options.labelName())) {
                    if (found >= 0) {
                        throw error(line, header.get(i).column(), "label column '" + options.labelName()
                                + "' appears twice in the header");
                    }
                    found = i;
                }
            }
            if (found < 0) {
                throw error(line, 1, "no label column '" + options.labelName() + "' in the header; columns are: "
                        + String.join(", ", names));
            }
            return found;
        }

        private void target(float v, Cell cell, String column) {
            switch (options.labels()) {
                case VALUES -> y[yUsed++] = v;
                case SPARSE -> {
                    if (v < 0 || v != Math.rint(v)) {
                        throw error(lineNumber, cell.column(), "label " + cell.text().strip() + " in column '" + column
                                + "' is not a class index (an integer >= 0)");
                    }
                    y[yUsed++] = v;
                }
                case ONE_HOT -> {
                    int classes = options.classes();
                    if (v < 0 || v >= classes || v != Math.rint(v)) {
                        throw error(lineNumber, cell.column(), "label " + cell.text().strip() + " in column '" + column
                                + "' is not a class index in [0, " + classes + ")");
                    }
                    Arrays.fill(y, yUsed, yUsed + classes, 0f);
                    y[yUsed + (int) v] = 1f;
                    yUsed += classes;
                }
            }
        }

        private float number(Cell cell, String column) {
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

        /** Splits one line into cells, honouring double quotes. */
        private List<Cell> cells(String line) {
            List<Cell> out = new ArrayList<>();
            char sep = options.separator();
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
                    if (i < line.length() && line.charAt(i) != sep) {
                        throw error(lineNumber, i + 1, "unexpected character after a closing quote");
                    }
                } else {
                    int end = line.indexOf(sep, i);
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

        private void ensure(int features, int targetWidth) {
            if (xUsed + features > x.length) {
                x = Arrays.copyOf(x, Math.max(x.length * 2, xUsed + features));
            }
            if (yUsed + targetWidth > y.length) {
                y = Arrays.copyOf(y, Math.max(y.length * 2, yUsed + targetWidth));
            }
        }

        private CsvFormatException error(int line, int column, String problem) {
            return new CsvFormatException(source, line, column, problem);
        }
    }
}
