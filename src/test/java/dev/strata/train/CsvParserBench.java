package dev.strata.train;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.strata.spec.TensorShape;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Measures Strata's CSV reader against jackson-dataformat-csv on one large file, to decide issue 13's "replace the
 * hand-written CSV parser unless a measurement says otherwise". Not a unit test (timings on a shared machine are no
 * pass/fail): run it by hand with
 *
 * <pre>
 * MAVEN_OPTS=-Xmx6g mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.strata.train.CsvParserBench -Dexec.args="200000 785 5"
 * </pre>
 *
 * Each contender reads the same MNIST-shaped file (integers 0-255, mostly zeros, a header row) into one flat float
 * array, as {@link CsvLoader#loadFeatures} does. "jackson + checks" adds what the loader must do per cell anyway
 * (refuse {@code NaN}, {@code 1f}, {@code 0x1p3}, which {@link Float#parseFloat} accepts), with the loader's own
 * check; "jackson raw" skips it, as an upper bound for jackson. The last lines show where each parser places a bad
 * cell. Numbers measured on the project's machine are in README's Data section.
 */
public final class CsvParserBench {
    /** The check the loader made before it scanned by hand; {@code -Dregex=true} measures with it again. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final boolean REGEX = Boolean.getBoolean("regex");

    private CsvParserBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int cols = args.length > 1 ? Integer.parseInt(args[1]) : 785;
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "strata-bench-" + rows + "x" + cols + ".csv");
        if (!Files.exists(file)) {
            write(file, rows, cols);
        }
        double mb = Files.size(file) / 1e6;
        System.out.printf(Locale.ROOT, "%s: %,d rows x %d columns, %.0f MB%n", file, rows, cols, mb);
        TensorShape example = TensorShape.of(cols);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        double[][] seconds = new double[3][rounds];
        for (int round = 0; round <= rounds; round++) { // round 0 warms the JIT and the page cache
            long t0 = System.nanoTime();
            int strata = CsvLoader.loadFeatures(file, example).size();
            long t1 = System.nanoTime();
            int checked = jackson(file, cols, true);
            long t2 = System.nanoTime();
            int raw = jackson(file, cols, false);
            long t3 = System.nanoTime();
            if (strata != rows || checked != rows * cols || raw != rows * cols) {
                throw new AssertionError(strata + " " + checked + " " + raw);
            }
            System.out.printf(Locale.ROOT, "round %d: strata %.2f s (%.0f MB/s), jackson + checks %.2f s (%.0f MB/s), "
                    + "jackson raw %.2f s (%.0f MB/s)%s%n", round, s(t0, t1), mb / s(t0, t1), s(t1, t2),
                    mb / s(t1, t2), s(t2, t3), mb / s(t2, t3), round == 0 ? " (warm-up)" : "");
            if (round > 0) {
                seconds[0][round - 1] = s(t0, t1);
                seconds[1][round - 1] = s(t1, t2);
                seconds[2][round - 1] = s(t2, t3);
            }
        }
        // Medians: the machine is shared, so single rounds swing by a third.
        for (double[] row : seconds) {
            Arrays.sort(row);
        }
        System.out.printf(Locale.ROOT, "median of %d rounds: strata %.2f s (%.0f MB/s), jackson + checks %.2f s "
                + "(%.0f MB/s), jackson raw %.2f s (%.0f MB/s)%n", rounds, seconds[0][rounds / 2],
                mb / seconds[0][rounds / 2], seconds[1][rounds / 2], mb / seconds[1][rounds / 2],
                seconds[2][rounds / 2], mb / seconds[2][rounds / 2]);
        positions();
    }

    /** Rows of the shape of MNIST: 80% zeros, the rest 1-255, the label 0-9 last. */
    private static void write(Path file, int rows, int cols) throws IOException {
        Random random = new Random(0);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int c = 0; c < cols; c++) {
                w.write(c == 0 ? "" : ",");
                w.write(c == cols - 1 ? "label" : "pixel" + c);
            }
            w.newLine();
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                for (int c = 0; c < cols; c++) {
                    line.append(c == 0 ? "" : ",");
                    if (c == cols - 1) {
                        line.append(random.nextInt(10));
                    } else {
                        line.append(random.nextInt(5) == 0 ? 1 + random.nextInt(255) : 0);
                    }
                }
                w.write(line.toString());
                w.newLine();
            }
        }
    }

    /** The file's cells into one flat array, by jackson's streaming CSV parser; returns the number of values. */
    private static int jackson(Path file, int cols, boolean check) throws IOException {
        float[] x = new float[1024];
        int used = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser p = new CsvFactory().createParser(reader)) {
            int header = cols; // the header's cells come first
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.VALUE_STRING) {
                    continue; // START_ARRAY / END_ARRAY around each row
                }
                if (header > 0) {
                    header--;
                    continue;
                }
                String text = p.getText();
                if (check && !(REGEX ? NUMBER.matcher(text.strip()).matches() : CsvReader.isDecimal(text.strip()))) {
                    JsonLocation at = p.currentTokenLocation();
                    throw new IllegalArgumentException(file + ":" + at.getLineNr() + ":" + at.getColumnNr());
                }
                if (used == x.length) {
                    x = Arrays.copyOf(x, x.length * 2);
                }
                x[used++] = Float.parseFloat(text);
            }
        }
        return used;
    }

    /** Where each parser places a bad cell (line 3, column 5: the {@code x}), quoted and unquoted. */
    private static void positions() throws IOException {
        for (String text : new String[] {"a,b,c\n1,2,3\n1,2,x,4\n", "a,b,c\n1,2,3\n\"1\",x,3\n",
                "a,b,c\n\n1,2,3\n1,2,x\n"}) {
            Path f = Files.writeString(Files.createTempFile("strata-bench", ".csv"), text);
            String strata;
            try {
                CsvLoader.loadFeatures(f, TensorShape.of(3));
                strata = "accepted";
            } catch (CsvFormatException e) {
                strata = e.line() + ":" + e.column();
            }
            String jackson = "accepted";
            try (JsonParser p = new CsvFactory().createParser(f.toFile())) {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (t == JsonToken.VALUE_STRING && p.getText().equals("x")) {
                        JsonLocation at = p.currentTokenLocation();
                        jackson = at.getLineNr() + ":" + at.getColumnNr();
                    }
                }
            }
            System.out.printf(Locale.ROOT, "bad cell in %s -> strata %s, jackson %s%n",
                    text.replace("\n", "\\n"), strata, jackson);
        }
        // Quoting mistakes: what each parser makes of them.
        for (String text : new String[] {"a,y\n\"1.5\"x,2\n", "a,y\n1,\"2\n3,4\n5,6\n"}) {
            Path f = Files.writeString(Files.createTempFile("strata-bench", ".csv"), text);
            String strata;
            try {
                strata = "accepted " + Arrays.toString(CsvLoader.loadFeatures(f, TensorShape.of(2)).input(0));
            } catch (CsvFormatException e) {
                strata = e.getMessage().substring(f.toString().length());
            }
            StringBuilder jackson = new StringBuilder();
            try (JsonParser p = new CsvFactory().createParser(f.toFile())) {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (t == JsonToken.VALUE_STRING) {
                        jackson.append('[').append(p.getText().replace("\n", "\\n")).append(']');
                    }
                }
            } catch (IOException e) {
                jackson.append(" then ").append(e.getMessage().lines().findFirst().orElse(""));
            }
            System.out.printf(Locale.ROOT, "%s -> strata %s; jackson cells %s%n", text.replace("\n", "\\n"), strata,
                    jackson);
        }
    }

    private static double s(long from, long to) {
        return (to - from) / 1e9;
    }
}
