package dev.strata.train;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keras-style console progress. Each epoch prints {@code Epoch 3/10} (when there is more than one) and ends
 * with one line: steps, elapsed seconds, time per step (Keras's estimate, which leaves out the slow first
 * step), then every log value: {@code loss}, {@code data_loss}, {@code regularization_loss}, the metrics,
 * the {@code val_} values and any a callback added (such as {@code learning_rate}).
 *
 * <p>Live mode, for terminals, redraws a bar in place with carriage returns while the epoch runs, with the ETA
 * and running values. Plain mode, for CI logs and IDE consoles that do not handle {@code \r}, writes only whole
 * lines, the same ones on every run apart from the timings, plus a progress line every 30 seconds of a long
 * epoch so a log never goes quiet:
 *
 * <pre>
 * Epoch 1/3
 * 4/4 - 1s - 250ms/step - loss: 0.6931 - data_loss: 0.6890 - regularization_loss: 0.0041 - accuracy: 0.5000
 * </pre>
 */
public final class ProgressBar implements Callback {
    private static final int WIDTH = 30;
    private static final long LIVE_INTERVAL_NANOS = 50_000_000L;
    private static final long PLAIN_INTERVAL_NANOS = 30_000_000_000L;

    private final PrintStream out;
    private final boolean live;
    private final LongSupplier nanoTime;
    private FitPlan plan;
    private long epochStart;
    private long firstStepEnd;
    private long lastLine;
    private boolean drawn;
    private int seen;
    private int previousWidth;

    /**
     * @param live redraw a bar in place (terminals); false writes plain lines only
     */
    public ProgressBar(PrintStream out, boolean live) {
        this(out, live, System::nanoTime);
    }

    /** With a clock of its own, so tests get the same timings on every run. */
    ProgressBar(PrintStream out, boolean live, LongSupplier nanoTime) {
        this.out = out;
        this.live = live;
        this.nanoTime = nanoTime;
    }

    /**
     * True when standard output looks like an interactive terminal: a console is attached, {@code CI} is not
     * set and {@code TERM} is not {@code dumb}. The system property {@code strata.progress} overrides the guess:
     * {@code bar} for a live bar (IntelliJ's console handles {@code \r}), {@code lines} for plain lines.
     */
    public static boolean isTerminal() {
        String forced = System.getProperty("strata.progress", "");
        if (forced.equals("bar")) {
            return true;
        }
        if (forced.equals("lines")) {
            return false;
        }
        if (System.getenv("CI") != null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when output is redirected; isTerminal() tells the difference.
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public void onTrainBegin(Model model, FitPlan plan) {
        this.plan = plan;
    }

    @Override
    public void onEpochBegin(int epoch) {
        epochStart = nanoTime.getAsLong();
        lastLine = epochStart;
        firstStepEnd = 0;
        drawn = false;
        seen = 0;
        previousWidth = 0;
        if (plan.epochs() > 1) {
            out.println("Epoch " + (epoch + 1) + "/" + plan.epochs());
        }
    }

    @Override
    public void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {
        long now = nanoTime.getAsLong();
        seen = batch + 1;
        if (seen == 1) {
            firstStepEnd = now;
        }
        int steps = plan.stepsPerEpoch();
        if (seen >= steps) {
            return;
        }
        double eta = stepSeconds(now) * (steps - seen);
        if (live) {
            if (drawn && now - lastLine < LIVE_INTERVAL_NANOS) {
                return;
            }
            draw(count(seen) + " " + bar(seen) + " - ETA: " + eta(eta) + " - " + perStep(now) + logs(logs));
        } else if (now - lastLine >= PLAIN_INTERVAL_NANOS) {
            out.println(count(seen) + " - ETA: " + eta(eta) + " - " + perStep(now) + logs(logs));
        } else {
            return;
        }
        lastLine = now;
        drawn = true;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        long now = nanoTime.getAsLong();
        String timing = " - " + whole((now - epochStart) / 1e9) + "s - " + perStep(now) + logs(logs);
        if (live) {
            draw(count(seen) + " " + bar(seen) + timing);
            out.println();
        } else {
            out.println(count(seen) + timing);
        }
    }

    private void draw(String line) {
        String padding = " ".repeat(Math.max(0, previousWidth - line.length()));
        out.print("\r" + line + padding);
        out.flush();
        previousWidth = line.length();
    }

    private String count(int done) {
        String steps = Integer.toString(plan.stepsPerEpoch());
        return " ".repeat(Math.max(0, steps.length() - Integer.toString(done).length())) + done + "/" + steps;
    }

    String bar(int done) {
        int steps = plan.stepsPerEpoch();
        int filled = steps == 0 ? WIDTH : (int) ((long) WIDTH * done / steps);
        String head = done < steps && filled < WIDTH ? ">" : "";
        return "[" + "=".repeat(filled) + head + ".".repeat(WIDTH - filled - head.length()) + "]";
    }

    /**
     * Keras's step-time estimate: after the first step, time since the first step ended over the steps since,
     * so graph warm-up does not inflate the figure.
     */
    private double stepSeconds(long now) {
        if (seen > 1) {
            return (now - firstStepEnd) / 1e9 / (seen - 1);
        }
        return seen == 0 ? 0 : (now - epochStart) / 1e9 / seen;
    }

    private String perStep(long now) {
        double s = stepSeconds(now);
        if (s >= 1 || s == 0) {
            return whole(s) + "s/step";
        }
        return s >= 1e-3 ? whole(s * 1e3) + "ms/step" : whole(s * 1e6) + "us/step";
    }

    private static String logs(Map<String, Double> logs) {
        return logs.isEmpty() ? "" : " - " + Logs.format(logs);
    }

    /** Keras's ETA format: {@code 42s}, {@code 3:07}, {@code 1:02:03}, seconds truncated. */
    static String eta(double seconds) {
        long s = (long) seconds;
        if (seconds > 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
        }
        return seconds > 60 ? String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60) : s + "s";
    }

    /** Python's {@code %.0f}: round half to even. */
    private static String whole(double x) {
        return Long.toString((long) Math.rint(x));
    }
}
