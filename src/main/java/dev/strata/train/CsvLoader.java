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

/**
 * Reads a CSV file with a header row into a {@link Dataset}: one example per row, the label column as the
 * target (value, class index or one-hot, see {@link CsvOptions}), every other column a float feature. Values
 * stream into one flat array, without an object per row. Blank lines are skipped; cells may be quoted
 * ({@code "a,b"}, {@code ""} for a quote) but not span lines.
 *
 * <p>A label column of names ({@code setosa}, {@code versicolor}, ...) is read as classes, numbered in sorted
 * order (or as {@link CsvOptions#classNames} says, for files read after the training file): class indices for
 * sparse and one-hot labels, 0 and 1 for two names read as values (binary crossentropy).
 *
 * <p>Anything that is not a clean table of finite numbers fails with a {@link CsvFormatException} that names
 * {@code file:line:column} and the column: a bad or empty cell, a row with too many or too few cells, a label
 * column missing from the header, a label that is not a valid class index.
 */
public final class CsvLoader {
    private CsvLoader() {
    }

    public static CsvData load(Path file, CsvOptions options) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader, file.toString(), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A file of several inputs and targets, columns assigned as {@code layout} says (see {@link CsvLayout}). */
    public static Dataset load(Path file, CsvLayout layout) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader, file.toString(), layout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static Dataset load(Reader reader, String source, CsvLayout layout) {
        try {
            return new CsvLayoutParse(new BufferedReader(reader), source, layout).run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /**
     * A file of feature columns only (a header row, then one example per row, as numpy and pandas write inputs for
     * prediction), as a dataset of examples of shape {@code example} without targets.
     */
    public static Dataset loadFeatures(Path file, TensorShape example) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvReader in = new CsvReader(reader, file.toString(), ',');
            List<String> names = CsvReader.names(in.header());
            long width = example.size();
            if (names.size() != width) {
                throw in.error(in.lineNumber(), 1, "the header has " + names.size() + " columns but the model takes "
                        + width + " values per example " + example);
            }
            float[] x = new float[1024];
            int used = 0;
            for (List<CsvReader.Cell> row = in.row(names.size()); row != null; row = in.row(names.size())) {
                if (used + names.size() > x.length) {
                    x = Arrays.copyOf(x, Math.max(x.length * 2, used + names.size()));
                }
                for (int i = 0; i < row.size(); i++) {
                    x[used++] = in.number(row.get(i), names.get(i));
                }
            }
            if (used == 0) {
                throw in.error(in.lineNumber() + 1, 1, "no data rows after the header");
            }
            return Dataset.of(Arrays.copyOf(x, used), example, null, null);
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

    private static final class Parse {
        private final CsvReader in;
        private final String source;
        private final CsvOptions options;
        private float[] x = new float[1024];
        private float[] y = new float[256];
        private int xUsed;
        private int yUsed;

        Parse(BufferedReader in, String source, CsvOptions options) {
            this.in = new CsvReader(in, source, options.separator());
            this.source = source;
            this.options = options;
        }

        CsvData run() throws IOException {
            List<CsvReader.Cell> header = in.header();
            int headerAt = in.lineNumber();
            List<String> names = CsvReader.names(header);
            int label = labelColumn(names, header, headerAt);
            if (names.size() < 2) {
                throw in.error(headerAt, 1, "the header has only the label column '" + names.get(label)
                        + "'; there are no feature columns");
            }
            int features = names.size() - 1;
            int targetWidth = options.labels() == CsvOptions.Labels.ONE_HOT ? options.classes() : 1;
            int rows = 0;
            ClassNames named = null;
            for (List<CsvReader.Cell> row = in.row(names.size()); row != null; row = in.row(names.size())) {
                ensure(features, targetWidth);
                if (rows == 0 && (options.classNames() != null || !CsvReader.isNumber(row.get(label)))) {
                    named = new ClassNames(options.classNames());
                }
                for (int i = 0; i < row.size(); i++) {
                    if (i == label && named != null) {
                        if (row.get(i).text().isBlank()) {
                            throw in.error(in.lineNumber(), row.get(i).column(), "empty label in column '"
                                    + names.get(i) + "'");
                        }
                        named.add(row.get(i), in.lineNumber());
                        continue;
                    }
                    float v = in.number(row.get(i), names.get(i));
                    if (i == label) {
                        target(v, row.get(i), names.get(i));
                    } else {
                        x[xUsed++] = v;
                    }
                }
                rows++;
            }
            if (rows == 0) {
                throw in.error(in.lineNumber() + 1, 1, "no data rows after the header");
            }
            List<String> classNames = List.of();
            if (named != null) {
                classNames = named.names();
                encodeNames(named, classNames, names.get(label));
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
            return new CsvData(data, featureNames, names.get(label), standardizer, classNames);
        }

        private int labelColumn(List<String> names, List<CsvReader.Cell> header, int line) {
            if (options.labelName() == null) {
                if (options.labelIndex() >= names.size()) {
                    throw in.error(line, 1, "label column index " + options.labelIndex() + " is out of range: the "
                            + "header has " + names.size() + " columns");
                }
                return options.labelIndex();
            }
            int found = -1;
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equals(options.labelName())) {
                    if (found >= 0) {
                        throw in.error(line, header.get(i).column(), "label column '" + options.labelName()
                                + "' appears twice in the header");
                    }
                    found = i;
                }
            }
            if (found < 0) {
                throw in.error(line, 1, "no label column '" + options.labelName() + "' in the header; columns are: "
                        + String.join(", ", names));
            }
            return found;
        }

        /** Fills the targets from label names, now that every name (and so the numbering) is known. */
        private void encodeNames(ClassNames named, List<String> classNames, String column) {
            java.util.Map<String, Integer> index = new java.util.HashMap<>();
            for (int i = 0; i < classNames.size(); i++) {
                index.put(classNames.get(i), i);
            }
            int k = classNames.size();
            if (options.labels() == CsvOptions.Labels.VALUES && k > 2) {
                throw in.error(named.lines[0], named.columns[0], "column '" + column + "' holds " + k + " class "
                        + "names (" + String.join(", ", classNames) + ") but the loss takes numbers; use a "
                        + "categorical loss, or two names for a binary one");
            }
            if (options.labels() == CsvOptions.Labels.ONE_HOT && k > options.classes()) {
                throw in.error(named.lines[0], named.columns[0], "column '" + column + "' names " + k + " classes ("
                        + String.join(", ", classNames) + ") but the model has " + options.classes() + " outputs");
            }
            yUsed = 0;
            for (int r = 0; r < named.count; r++) {
                Integer c = index.get(named.texts.get(r));
                if (c == null) {
                    throw in.error(named.lines[r], named.columns[r], "label '" + named.texts.get(r) + "' in column '"
                            + column + "' is not one of the training classes " + classNames);
                }
                if (options.labels() == CsvOptions.Labels.ONE_HOT) {
                    Arrays.fill(y, yUsed, yUsed + options.classes(), 0f);
                    y[yUsed + c] = 1f;
                    yUsed += options.classes();
                } else {
                    y[yUsed++] = c;
                }
            }
        }

        private void target(float v, CsvReader.Cell cell, String column) {
            switch (options.labels()) {
                case VALUES -> y[yUsed++] = v;
                case SPARSE -> y[yUsed++] = in.classIndex(cell, column, 0);
                case ONE_HOT -> {
                    int classes = options.classes();
                    int k = in.classIndex(cell, column, classes);
                    Arrays.fill(y, yUsed, yUsed + classes, 0f);
                    y[yUsed + k] = 1f;
                    yUsed += classes;
                }
            }
        }

        private void ensure(int features, int targetWidth) {
            x = in.room(x, xUsed, features, "features");
            y = in.room(y, yUsed, targetWidth, "targets");
        }
    }

    /** A label column of class names: each row's name and where it stood, until the numbering is known. */
    private static final class ClassNames {
        private final List<String> given;
        private final List<String> texts = new ArrayList<>();
        private int[] lines = new int[256];
        private int[] columns = new int[256];
        private int count;

        ClassNames(List<String> given) {
            this.given = given;
        }

        void add(CsvReader.Cell cell, int line) {
            String name = cell.text().strip();
            if (count == lines.length) {
                lines = Arrays.copyOf(lines, count * 2);
                columns = Arrays.copyOf(columns, count * 2);
            }
            texts.add(name);
            lines[count] = line;
            columns[count++] = cell.column();
        }

        /** The given numbering, or the names sorted. */
        List<String> names() {
            return given != null ? given : new java.util.TreeSet<>(texts).stream().toList();
        }
    }
}
