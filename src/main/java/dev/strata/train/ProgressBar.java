package dev.strata.train;

import java.io.PrintStream;
import java.util.Map;

/**
 * Keras-style console progress. On a terminal, one bar per epoch redrawn in place with carriage returns;
 * elsewhere (CI logs, IDE consoles that do not handle {@code \r}) one plain line per epoch, so logs stay
 * readable and stable.
 */
public final class ProgressBar implements Callback {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean live;
    private FitPlan plan;
    private long epochStart;
    private long lastDraw;

    public ProgressBar(PrintStream out, boolean live) {
        this.out = out;
        this.live = live;
    }

    /** True when standard output is an interactive terminal. */
    public static boolean isTerminal() {
        return System.console() != null && System.getenv("CI") == null;
    }

    @Override
    public void onTrainBegin(Model model, FitPlan plan) {
        this.plan = plan;
    }

    @Override
    public void onEpochBegin(int epoch) {
        epochStart = System.nanoTime();
        lastDraw = 0;
        out.println("Epoch " + (epoch + 1) + "/" + plan.epochs());
    }

    @Override
    public void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {
        if (!live) {
            return;
        }
        long now = System.nanoTime();
        boolean last = batch + 1 == plan.stepsPerEpoch();
        if (!last && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        double elapsed = (now - epochStart) / 1e9;
        double eta = elapsed / (batch + 1) * (plan.stepsPerEpoch() - batch - 1);
        out.print("\r" + bar(batch + 1) + " - ETA " + seconds(eta) + " - " + Logs.format(logs) + "   ");
        out.flush();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        double elapsed = (System.nanoTime() - epochStart) / 1e9;
        String line = bar(plan.stepsPerEpoch()) + " - " + seconds(elapsed) + " " + msPerStep(elapsed) + " - "
                + Logs.format(logs);
        out.println(live ? "\r" + line : line);
    }

    String bar(int done) {
        int steps = plan.stepsPerEpoch();
        int filled = (int) ((long) WIDTH * done / steps);
        String width = Integer.toString(steps);
        return String.format("%" + width.length() + "d/%s [%s%s]", done, width, "=".repeat(filled),
                ".".repeat(WIDTH - filled));
    }

    private String msPerStep(double elapsed) {
        return Math.round(elapsed * 1000 / plan.stepsPerEpoch()) + "ms/step";
    }

    private static String seconds(double s) {
        return s < 60 ? Math.round(s) + "s" : (long) (s / 60) + "m" + Math.round(s % 60) + "s";
    }
}
