package dev.strata.train;

import dev.strata.spec.TensorShape;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a CSV file into a dataset of several inputs and targets, as a {@link CsvLayout} assigns the columns. */
final class CsvLayoutParse {
    private final CsvReader in;
    private final CsvLayout layout;

    /** One input or target as resolved against the header: its column indices and its example shape. */
    private record Resolved(CsvLayout.Part part, int[] columns, TensorShape shape) {
        int width() {
            return (int) shape.size();
        }
    }

    CsvLayoutParse(BufferedReader reader, String source, CsvLayout layout) {
        this.in = new CsvReader(reader, source, layout.separator());
        this.layout = layout;
    }

    Dataset run() throws IOException {
        if (layout.inputs().isEmpty() || layout.targets().isEmpty()) {
            throw new IllegalArgumentException("a CSV layout needs at least one input and one target");
        }
        List<CsvReader.Cell> header = in.header();
        int headerAt = in.lineNumber();
        List<String> names = CsvReader.names(header);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (index.put(names.get(i), i) != null) {
                throw in.error(headerAt, header.get(i).column(), "column '" + names.get(i) + "' appears twice in "
                        + "the header");
            }
        }
        List<Resolved> inputs = new ArrayList<>();
        List<Resolved> targets = new ArrayList<>();
        layout.inputs().forEach(p -> inputs.add(resolve(p, names, index, headerAt)));
        layout.targets().forEach(p -> targets.add(resolve(p, names, index, headerAt)));
        List<float[]> xs = new ArrayList<>();
        List<float[]> ys = new ArrayList<>();
        int[] used = new int[inputs.size() + targets.size()];
        inputs.forEach(r -> xs.add(new float[r.width() * 64]));
        targets.forEach(r -> ys.add(new float[r.width() * 64]));
        int rows = 0;
        for (List<CsvReader.Cell> row = in.row(names.size()); row != null; row = in.row(names.size())) {
            for (int k = 0; k < inputs.size(); k++) {
                xs.set(k, fill(xs.get(k), used, k, inputs.get(k), row, names));
            }
            for (int k = 0; k < targets.size(); k++) {
                ys.set(k, fill(ys.get(k), used, inputs.size() + k, targets.get(k), row, names));
            }
            rows++;
        }
        if (rows == 0) {
            throw in.error(in.lineNumber() + 1, 1, "no data rows after the header");
        }
        List<TensorShape> xShapes = new ArrayList<>();
        List<TensorShape> yShapes = new ArrayList<>();
        for (int k = 0; k < inputs.size(); k++) {
            xs.set(k, Arrays.copyOf(xs.get(k), used[k]));
            xShapes.add(inputs.get(k).shape());
        }
        for (int k = 0; k < targets.size(); k++) {
            ys.set(k, Arrays.copyOf(ys.get(k), used[inputs.size() + k]));
            yShapes.add(targets.get(k).shape());
        }
        return Dataset.of(xs, xShapes, ys, yShapes);
    }

    private Resolved resolve(CsvLayout.Part part, List<String> names, Map<String, Integer> index, int line) {
        List<Integer> columns = new ArrayList<>();
        for (String pattern : part.columns()) {
            if (pattern.endsWith("*")) {
                String prefix = pattern.substring(0, pattern.length() - 1);
                int before = columns.size();
                for (int i = 0; i < names.size(); i++) {
                    if (names.get(i).startsWith(prefix)) {
                        columns.add(i);
                    }
                }
                if (columns.size() == before) {
                    throw in.error(line, 1, "no column starts with '" + prefix + "' (for '" + part.name()
                            + "'); columns are: " + String.join(", ", names));
                }
            } else {
                Integer i = index.get(pattern);
                if (i == null) {
                    throw in.error(line, 1, "no column '" + pattern + "' (for '" + part.name() + "'); columns are: "
                            + String.join(", ", names));
                }
                columns.add(i);
            }
        }
        TensorShape shape = part.shape().isFullyDefined() ? part.shape() : TensorShape.of(columns.size());
        int cells = part.labels() == CsvOptions.Labels.VALUES ? (int) shape.size() : 1;
        if (columns.size() != cells) {
            throw in.error(line, 1, "'" + part.name() + "' of shape " + shape + " needs " + cells + " columns; "
                    + part.columns() + " name " + columns.size());
        }
        return new Resolved(part, columns.stream().mapToInt(Integer::intValue).toArray(), shape);
    }

    private float[] fill(float[] into, int[] used, int slot, Resolved r, List<CsvReader.Cell> row,
                         List<String> names) {
        int width = r.width();
        into = in.room(into, used[slot], width, "values of '" + r.part().name() + "'");
        CsvLayout.Part part = r.part();
        if (part.labels() == CsvOptions.Labels.VALUES) {
            for (int c : r.columns()) {
                into[used[slot]++] = in.number(row.get(c), names.get(c));
            }
            return into;
        }
        CsvReader.Cell cell = row.get(r.columns()[0]);
        String column = names.get(r.columns()[0]);
        in.number(cell, column); // refuses empty cells and non-numbers with their own messages
        if (part.labels() == CsvOptions.Labels.SPARSE) {
            into[used[slot]++] = in.classIndex(cell, column, 0);
        } else {
            int k = in.classIndex(cell, column, part.classes());
            Arrays.fill(into, used[slot], used[slot] + width, 0f);
            into[used[slot] + k] = 1f;
            used[slot] += width;
        }
        return into;
    }
}
