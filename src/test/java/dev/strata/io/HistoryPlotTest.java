package dev.strata.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.Optimizer;
import dev.strata.spec.TrainingConfig;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import dev.strata.train.ModelOptions;
import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PNGs that decode, have the promised size and show the curves in their colours. */
class HistoryPlotTest {
    @TempDir
    Path dir;

    private static History history;

    @BeforeAll
    static void trainOnce() {
        // Set before anything touches AWT: the plots must render without a display.
        System.setProperty("java.awt.headless", "true");
        history = run(0.01, 1);
    }

    private static History run(double learningRate, long seed) {
        TrainingConfig config = TrainingConfig.of(Optimizer.adam(learningRate), IoFixtures.ADAM.loss(),
                IoFixtures.ADAM.metrics().toArray(new dev.strata.spec.Metric[0]));
        try (Model m = Model.compile(IoFixtures.SPEC, config, ModelOptions.defaults().seed(seed))) {
            return m.fit(IoFixtures.DATA, FitOptions.epochs(12).batchSize(8).validationSplit(0.2).quiet());
        }
    }

    private static BufferedImage read(Path png) throws IOException {
        assertTrue(Files.isRegularFile(png), png + " was not written");
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image != null, png + " does not decode as an image");
        return image;
    }

    private static int pixelsOf(BufferedImage image, Color colour) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF) ? 1 : 0;
            }
        }
        return n;
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    @Test
    void rendersWithoutADisplay() {
        assertTrue(GraphicsEnvironment.isHeadless());
    }

    @Test
    void onePanelPerQuantityTwoPanelsARow() throws IOException {
        assertEquals(List.of("loss", "data_loss", "regularization_loss", "accuracy"), HistoryPlot.quantities(history));
        Path png = dir.resolve("history.png");
        HistoryPlot.write(history, png);
        BufferedImage image = read(png);
        assertEquals(2 * HistoryPlot.PANEL_WIDTH, image.getWidth());
        assertEquals(2 * HistoryPlot.PANEL_HEIGHT, image.getHeight());
        assertTrue(distinctColours(image) > 50, "a blank or flat image: " + distinctColours(image) + " colours");
        // Train curves in blue, validation curves in orange, on each of the four panels.
        int blue = pixelsOf(image, HistoryPlot.PALETTE.get(0));
        int orange = pixelsOf(image, HistoryPlot.PALETTE.get(1));
        assertTrue(blue > 400, "train curves: " + blue + " pixels");
        assertTrue(orange > 200, "validation curves: " + orange + " pixels");
    }

    @Test
    void chosenKeysOnly() throws IOException {
        Path png = dir.resolve("loss.png");
        HistoryPlot.write(history, List.of("loss"), png);
        BufferedImage image = read(png);
        assertEquals(HistoryPlot.PANEL_WIDTH, image.getWidth());
        assertEquals(HistoryPlot.PANEL_HEIGHT, image.getHeight());
        assertTrue(pixelsOf(image, HistoryPlot.PALETTE.get(0)) > 100);

        HistoryPlot.write(history, List.of("loss", "data_loss", "val_accuracy"), png);
        image = read(png);
        assertEquals(2 * HistoryPlot.PANEL_WIDTH, image.getWidth());
        assertEquals(2 * HistoryPlot.PANEL_HEIGHT, image.getHeight());
    }

    @Test
    void comparisonDrawsEveryRunInItsOwnColour() throws IOException {
        Map<String, History> runs = new LinkedHashMap<>();
        runs.put("lr 0.01", history);
        runs.put("lr 0.001", run(0.001, 1));
        runs.put("lr 0.1", run(0.1, 1));
        Path png = dir.resolve("compare.png");
        HistoryPlot.writeComparison(runs, List.of("loss", "accuracy"), png);
        BufferedImage image = read(png);
        assertEquals(2 * HistoryPlot.PANEL_WIDTH, image.getWidth());
        assertEquals(HistoryPlot.PANEL_HEIGHT, image.getHeight());
        for (int i = 0; i < 3; i++) {
            int n = pixelsOf(image, HistoryPlot.PALETTE.get(i));
            assertTrue(n > 150, "run " + i + " drew " + n + " pixels in its colour");
        }
    }

    @Test
    void unknownOrMissingQuantitiesAreRefused() {
        Path png = dir.resolve("x.png");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HistoryPlot.write(history, List.of("auc"), png));
        assertTrue(e.getMessage().contains("no run has 'auc'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HistoryPlot.write(history, List.of(), png));
        assertThrows(IllegalArgumentException.class,
                () -> HistoryPlot.writeComparison(Map.of(), List.of("loss"), png));
        assertTrue(!Files.exists(png));
    }
}
