package dev.strata.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSVLogger writes what Keras 3.15's writes for the same logs: checked byte for byte against files Keras
 * produced (sorted keys after {@code epoch}, {@code val_} columns of {@code NA} without validation, Python float
 * text, {@code \r\n} line ends, no second header when appending).
 */
class CSVLoggerTest {
    @TempDir
    Path dir;

    private static Map<String, Double> logs(Object... keyThenValue) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < keyThenValue.length; i += 2) {
            m.put((String) keyThenValue[i], ((Number) keyThenValue[i + 1]).doubleValue());
        }
        return m;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void writesKerasColumnsAndNumbers() throws IOException {
        Path file = dir.resolve("log.csv");
        CSVLogger csv = CSVLogger.to(file);
        csv.onTrainBegin(null, null);
        // Keras's own run: auc, loss and learning_rate of two epochs, float32 values as Python floats.
        csv.onEpochEnd(0, logs("loss", 0.8588122129440308, "auc", 0.28282830119132996,
                "learning_rate", 0.009999999776482582));
        csv.onEpochEnd(1, logs("loss", 0.8575580716133118, "auc", 0.28282830119132996,
                "learning_rate", 0.009999999776482582));
        csv.onTrainEnd(new History());
        assertEquals("epoch,auc,learning_rate,loss,val_auc,val_learning_rate,val_loss\r\n"
                + "0,0.28282830119132996,0.009999999776482582,0.8588122129440308,NA,NA,NA\r\n"
                + "1,0.28282830119132996,0.009999999776482582,0.8575580716133118,NA,NA,NA\r\n", read(file));
    }

    @Test
    void appendingAddsRowsWithoutASecondHeader() throws IOException {
        Path file = dir.resolve("log.csv");
        CSVLogger first = CSVLogger.to(file);
        first.onTrainBegin(null, null);
        first.onEpochEnd(0, logs("loss", 0.5, "val_loss", 0.75));
        CSVLogger more = CSVLogger.to(file).append(true);
        more.onTrainBegin(null, null);
        more.onEpochEnd(1, logs("loss", 0.25, "val_loss", 1e-05));
        assertEquals("epoch,loss,val_loss\r\n0,0.5,0.75\r\n1,0.25,1e-05\r\n", read(file));
    }

    @Test
    void appendingToAnEmptyFileWritesTheHeader() throws IOException {
        Path file = dir.resolve("empty.csv");
        Files.write(file, new byte[0]);
        CSVLogger csv = CSVLogger.to(file).append(true);
        csv.onTrainBegin(null, null);
        csv.onEpochEnd(3, logs("loss", 2.0));
        assertEquals("epoch,loss,val_loss\r\n3,2.0,NA\r\n", read(file));
    }

    @Test
    void overwritingStartsAnEmptyFileAtTrainBegin() throws IOException {
        Path file = dir.resolve("old.csv");
        Files.writeString(file, "old content\n");
        CSVLogger.to(file).onTrainBegin(null, null);
        assertEquals("", read(file));
    }

    @Test
    void otherSeparatorsQuoteCellsThatHoldThem() throws IOException {
        Path file = dir.resolve("semi.csv");
        CSVLogger csv = CSVLogger.to(file).separator(';');
        csv.onTrainBegin(null, null);
        csv.onEpochEnd(0, logs("a;b", 1.5, "val_loss", Double.NaN));
        assertEquals("epoch;\"a;b\";val_loss\r\n0;1.5;nan\r\n", read(file));
    }

    @Test
    void realFitWritesOneRowPerEpochWithTheHistoryValues() throws IOException {
        Path file = dir.resolve("fit.csv");
        try (Model m = TinyModels.linear(3, 0.05)) {
            History h = m.fit(TinyModels.regression(40, 3, 1), FitOptions.epochs(3).batchSize(8).validationSplit(0.25)
                    .quiet().callbacks(CSVLogger.to(file)));
            String[] lines = read(file).split("\r\n");
            assertEquals(4, lines.length);
            assertEquals("epoch,data_loss,loss,regularization_loss,val_data_loss,val_loss,val_regularization_loss",
                    lines[0]);
            for (int e = 0; e < 3; e++) {
                String[] cells = lines[e + 1].split(",");
                assertEquals(Integer.toString(e), cells[0]);
                assertEquals(h.get("loss")[e], Double.parseDouble(cells[2]));
                assertEquals(h.get("val_loss")[e], Double.parseDouble(cells[5]));
                assertEquals("0.0", cells[3]);
            }
            assertTrue(read(file).endsWith("\r\n"));
        }
    }
}
