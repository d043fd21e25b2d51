package dev.strata.train;

import dev.strata.json.PythonFloat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes each epoch's logs to a CSV file in Keras's {@code CSVLogger} format, byte for byte: a header
 * {@code epoch} then the log keys sorted, fixed at the first epoch (without validation data Keras also adds a
 * {@code val_} column per key, written {@code NA}); zero-based epoch numbers; values as Python writes floats
 * ({@code 0.6931471824645996}); {@code \r\n} line ends (Python's csv dialect). With {@code append}, rows go
 * after an existing file's and the header is written only when that file is empty.
 *
 * <p>The file is opened for each row and closed again, so it is complete after every epoch and never left
 * open when {@code fit} fails. Immutable configuration: each method returns a changed copy.
 */
public final class CSVLogger implements Callback {
    private final Path file;
    private final char separator;
    private final boolean append;
    private List<String> keys;
    private boolean writeHeader;

    private CSVLogger(Path file, char separator, boolean append) {
        if (file == null) {
            throw new IllegalArgumentException("CSVLogger needs a file");
        }
        if (separator == '"' || separator == '\r' || separator == '\n') {
            throw new IllegalArgumentException("separator cannot be a quote or a line break");
        }
        this.file = file;
        this.separator = separator;
        this.append = append;
    }

    /** Keras defaults: comma separator, overwrite. */
    public static CSVLogger to(Path file) {
        return new CSVLogger(file, ',', false);
    }

    public CSVLogger separator(char separator) {
        return new CSVLogger(file, separator, append);
    }

    /** Append to an existing file instead of overwriting it (to continue a resumed run's log). */
    public CSVLogger append(boolean append) {
        return new CSVLogger(file, separator, append);
    }

    public Path file() {
        return file;
    }

    @Override
    public void onTrainBegin(Model model, FitPlan plan) {
        keys = null;
        try {
            if (append) {
                writeHeader = !Files.exists(file) || firstLineEmpty();
            } else {
                writeHeader = true;
                Files.write(file, new byte[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger cannot write " + file, e);
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (keys == null) {
            keys = new ArrayList<>(new TreeSet<>(logs.keySet()));
            if (!keys.isEmpty() && keys.stream().noneMatch(k -> k.startsWith("val_"))) {
                List<String> validation = new ArrayList<>();
                for (String k : keys) {
                    validation.add("val_" + k);
                }
                keys.addAll(validation);
            }
        }
        StringBuilder text = new StringBuilder();
        if (writeHeader) {
            List<String> header = new ArrayList<>(List.of("epoch"));
            header.addAll(keys);
            row(text, header);
            writeHeader = false;
        }
        List<String> cells = new ArrayList<>(List.of(Integer.toString(epoch)));
        for (String k : keys) {
            Double v = logs.get(k);
            cells.add(v == null ? "NA" : PythonFloat.repr(v));
        }
        row(text, cells);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            w.write(text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger cannot write " + file, e);
        }
    }

    /** Python's {@code csv.QUOTE_MINIMAL}: quote a cell holding the separator, a quote or a line break. */
    private void row(StringBuilder text, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(separator);
            }
            String c = cells.get(i);
            boolean quote = c.indexOf(separator) >= 0 || c.indexOf('"') >= 0 || c.indexOf('\r') >= 0
                    || c.indexOf('\n') >= 0;
            text.append(quote ? '"' + c.replace("\"", "\"\"") + '"' : c);
        }
        text.append("\r\n");
    }

    private boolean firstLineEmpty() throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int c = r.read();
            return c == -1;
        }
    }
}
