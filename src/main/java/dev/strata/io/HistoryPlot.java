package dev.strata.io;

import dev.strata.train.History;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Training curves as a PNG, one panel per quantity ({@code loss}, {@code data_loss},
 * {@code regularization_loss}, each metric), laid out two panels a row, each {@link #PANEL_WIDTH} x
 * {@link #PANEL_HEIGHT} pixels. Training values are solid lines, validation values ({@code val_} keys) dashed.
 * Rendered with JFreeChart into an image in memory: no window, works with {@code java.awt.headless=true}.
 *
 * <p>A key without the {@code val_} prefix gives a panel with both curves; a {@code val_} key gives a panel with
 * that curve alone. Non-finite values (a diverged loss) are left out of the curve rather than breaking the scale.
 */
public final class HistoryPlot {
    public static final int PANEL_WIDTH = 640;
    public static final int PANEL_HEIGHT = 400;
    public static final int COLUMNS = 2;

    /** Tableau 10: distinct, colour-blind-friendly, the matplotlib default a Keras user expects. */
    static final List<Color> PALETTE = List.of(new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf));

    private static final BasicStroke SOLID = new BasicStroke(2f);
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
            new float[] {9f, 6f}, 0f);
    private static final String VAL = "val_";

    private HistoryPlot() {
    }

    /** Every quantity of the history, train and validation together. */
    public static void write(History history, Path png) {
        write(history, quantities(history), png);
    }

    /** The given quantities of one run: train in blue, validation in orange, dashed. */
    public static void write(History history, List<String> keys, Path png) {
        requireData(Map.of("history", history), keys);
        List<JFreeChart> panels = new ArrayList<>();
        for (String key : keys) {
            XYPlot plot = plot(key);
            int series = 0;
            for (String k : curvesOf(key, history)) {
                boolean val = k.startsWith(VAL) && !key.startsWith(VAL);
                series = add(plot, series, curve(history, k, val ? "validation" : "train"),
                        PALETTE.get(val ? 1 : 0), val ? DASHED : SOLID);
            }
            panels.add(chart(key, plot));
        }
        render(panels, png);
    }

    /**
     * The given quantities of several runs, one colour per run (in the map's order), training solid and
     * validation dashed: the picture of a comparison of settings.
     */
    public static void writeComparison(Map<String, History> runs, List<String> keys, Path png) {
        requireData(runs, keys);
        List<JFreeChart> panels = new ArrayList<>();
        for (String key : keys) {
            XYPlot plot = plot(key);
            LegendItemCollection legend = new LegendItemCollection();
            int series = 0;
            int run = 0;
            for (Map.Entry<String, History> r : runs.entrySet()) {
                Color colour = PALETTE.get(run++ % PALETTE.size());
                for (String k : curvesOf(key, r.getValue())) {
                    boolean val = k.startsWith(VAL) && !key.startsWith(VAL);
                    series = add(plot, series, curve(r.getValue(), k, r.getKey() + (val ? " (validation)" : "")),
                            val ? lighter(colour) : colour, val ? DASHED : SOLID);
                }
                legend.add(new LegendItem(r.getKey(), null, null, null, new Line2D.Double(-8, 0, 8, 0), SOLID,
                        colour));
            }
            if (!key.startsWith(VAL)) {
                legend.add(new LegendItem("train", null, null, null, new Line2D.Double(-8, 0, 8, 0), SOLID,
                        Color.DARK_GRAY));
                legend.add(new LegendItem("validation (lighter)", null, null, null, new Line2D.Double(-12, 0, 12, 0),
                        DASHED, lighter(Color.DARK_GRAY)));
            }
            plot.setFixedLegendItems(legend);
            panels.add(chart(key, plot));
        }
        render(panels, png);
    }

    /** The panels {@link #write(History, Path)} draws: each key without {@code val_}, and val-only keys. */
    public static List<String> quantities(History history) {
        Set<String> keys = history.keys();
        Set<String> out = new LinkedHashSet<>();
        for (String k : keys) {
            out.add(k.startsWith(VAL) && !keys.contains(k.substring(VAL.length())) ? k : strip(k));
        }
        return List.copyOf(out);
    }

    private static String strip(String key) {
        return key.startsWith(VAL) ? key.substring(VAL.length()) : key;
    }

    private static List<String> curvesOf(String key, History h) {
        if (key.startsWith(VAL)) {
            return h.keys().contains(key) ? List.of(key) : List.of();
        }
        List<String> out = new ArrayList<>();
        for (String k : List.of(key, VAL + key)) {
            if (h.keys().contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    private static void requireData(Map<String, History> runs, List<String> keys) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to plot");
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no quantities to plot");
        }
        for (Map.Entry<String, History> r : runs.entrySet()) {
            if (r.getValue().size() == 0) {
                throw new IllegalArgumentException("run '" + r.getKey() + "' has no epochs to plot");
            }
        }
        for (String key : keys) {
            boolean found = runs.values().stream().anyMatch(h -> !curvesOf(key, h).isEmpty());
            if (!found) {
                Set<String> known = new LinkedHashSet<>();
                runs.values().forEach(h -> known.addAll(h.keys()));
                throw new IllegalArgumentException("no run has '" + key + "' to plot; keys: " + known);
            }
        }
    }

    private static XYSeries curve(History h, String key, String label) {
        XYSeries s = new XYSeries(label, false, true);
        for (int i = 0; i < h.size(); i++) {
            Double v = h.epoch(i).get(key);
            if (v != null && Double.isFinite(v)) {
                s.add(h.epochNumber(i) + 1, v);
            }
        }
        return s;
    }

    /** The colour halfway to white: a run's validation curve beside its training curve. */
    static Color lighter(Color c) {
        return new Color((c.getRed() + 255) / 2, (c.getGreen() + 255) / 2, (c.getBlue() + 255) / 2);
    }

    /** One renderer per series: colour, stroke and markers differ per curve. */
    private static int add(XYPlot plot, int index, XYSeries series, Color colour, BasicStroke stroke) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, series.getItemCount() <= 30);
        // One path per curve: drawn segment by segment, a dash pattern restarts every epoch and, over 150 epochs of
        // a few pixels each, looks solid.
        r.setDrawSeriesLineAsPath(true);
        r.setSeriesPaint(0, colour);
        r.setSeriesStroke(0, stroke);
        r.setSeriesShape(0, new Rectangle2D.Double(-2.5, -2.5, 5, 5));
        plot.setDataset(index, new XYSeriesCollection(series));
        plot.setRenderer(index, r);
        return index + 1;
    }

    private static XYPlot plot(String key) {
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochs.setAutoRangeIncludesZero(false);
        NumberAxis values = new NumberAxis(key);
        values.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(epochs);
        plot.setRangeAxis(values);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setOutlinePaint(Color.GRAY);
        return plot;
    }

    private static JFreeChart chart(String key, XYPlot plot) {
        JFreeChart chart = new JFreeChart(key, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static void render(List<JFreeChart> panels, Path png) {
        int columns = Math.min(COLUMNS, panels.size());
        int rows = (panels.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(columns * PANEL_WIDTH, rows * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int i = 0; i < panels.size(); i++) {
                panels.get(i).draw(g, new Rectangle2D.Double((i % columns) * PANEL_WIDTH, (i / columns) * PANEL_HEIGHT,
                        PANEL_WIDTH, PANEL_HEIGHT));
            }
        } finally {
            g.dispose();
        }
        try {
            AtomicFiles.write(png, out -> {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer in this Java runtime");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + png + ": " + e.getMessage(), e);
        }
    }
}
