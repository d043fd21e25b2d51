package dev.strata.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.spec.layers.Dense;
import dev.strata.spec.Initializer;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Console progress with a scripted clock: the exact text, in plain (CI, IDE) and live (terminal) mode. */
class ProgressBarTest {
    private static final long MS = 1_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong();

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, Double> logs(double loss, double data, double reg, double acc) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("loss", loss);
        m.put("data_loss", data);
        m.put("regularization_loss", reg);
        m.put("accuracy", acc);
        return m;
    }

    /** Drives the bar through one epoch of {@code steps} batches, {@code stepMs} apart, the first one slower. */
    private void epoch(ProgressBar bar, int epoch, int steps, long firstMs, long stepMs, Map<String, Double> end) {
        bar.onEpochBegin(epoch);
        now.addAndGet(firstMs * MS);
        for (int b = 0; b < steps; b++) {
            if (b > 0) {
                now.addAndGet(stepMs * MS);
            }
            bar.onBatchEnd(epoch, b, logs(1.0 / (b + 1), 0.9 / (b + 1), 0.1, 0.5));
        }
        bar.onEpochEnd(epoch, end);
    }

    @Test
    void plainModeWritesOneStableLinePerEpochInKerasVerbose2Format() {
        ProgressBar bar = new ProgressBar(out, false, now::get);
        bar.onTrainBegin(null, new FitPlan(0, 2, 4, 120, 0, 32));
        epoch(bar, 0, 4, 400, 25, logs(0.693147, 0.689, 0.004147, 0.5));
        epoch(bar, 1, 4, 30, 20, logs(0.5, 0.49, 0.01, 0.75));
        // Time per step leaves out the first step, as Keras's estimate: (3 * 25 ms) / 3 and (3 * 20 ms) / 3.
        assertEquals("""
                Epoch 1/2
                4/4 - 0s - 25ms/step - loss: 0.6931 - data_loss: 0.6890 - regularization_loss: 0.0041 - accuracy: 0.5000
                Epoch 2/2
                4/4 - 0s - 20ms/step - loss: 0.5000 - data_loss: 0.4900 - regularization_loss: 0.0100 - accuracy: 0.7500
                """, text());
    }

    @Test
    void plainModeReportsLongEpochsEveryThirtySeconds() {
        ProgressBar bar = new ProgressBar(out, false, now::get);
        bar.onTrainBegin(null, new FitPlan(0, 1, 100, 3200, 0, 32));
        Map<String, Double> end = logs(0.25, 0.25, 0, 1);
        epoch(bar, 0, 100, 1000, 1000, end);
        // Lines at 30 s and 60 s and 90 s after the epoch began (batches 30, 60, 90), then the epoch line at 100 s.
        assertEquals("""
                 30/100 - ETA: 1:10 - 1s/step - loss: 0.0333 - data_loss: 0.0300 - regularization_loss: 0.1000 \
                - accuracy: 0.5000
                 60/100 - ETA: 40s - 1s/step - loss: 0.0167 - data_loss: 0.0150 - regularization_loss: 0.1000 \
                - accuracy: 0.5000
                 90/100 - ETA: 10s - 1s/step - loss: 0.0111 - data_loss: 0.0100 - regularization_loss: 0.1000 \
                - accuracy: 0.5000
                100/100 - 100s - 1s/step - loss: 0.2500 - data_loss: 0.2500 - regularization_loss: 0.0000 \
                - accuracy: 1.0000
                """, text());
    }

    @Test
    void liveModeRedrawsInPlaceAndPadsShorterLines() {
        ProgressBar bar = new ProgressBar(out, true, now::get);
        bar.onTrainBegin(null, new FitPlan(0, 1, 3, 90, 0, 32));
        bar.onEpochBegin(0);
        now.addAndGet(100 * MS);
        Map<String, Double> first = new LinkedHashMap<>(Map.of("loss", 12.5));
        bar.onBatchEnd(0, 0, first);
        now.addAndGet(10 * MS);
        bar.onBatchEnd(0, 1, Map.of("loss", 1.0));  // within 50 ms of the last draw: skipped
        now.addAndGet(2000 * MS);
        bar.onEpochEnd(0, Map.of("loss", 0.5));
        String drawn = "1/3 [==========>...................] - ETA: 0s - 100ms/step - loss: 12.5000";
        // Two batches ran; the second one's 2010 ms is the step time once the first step is left out.
        String last = "2/3 [====================>.........] - 2s - 2s/step - loss: 0.5000";
        assertEquals("\r" + drawn + "\r" + last + " ".repeat(drawn.length() - last.length()) + "\n", text());
    }

    @Test
    void stoppedEpochShowsTheStepsThatRan() {
        ProgressBar bar = new ProgressBar(out, false, now::get);
        bar.onTrainBegin(null, new FitPlan(0, 1, 10, 320, 0, 32));
        bar.onEpochBegin(0);
        now.addAndGet(5 * MS);
        bar.onBatchEnd(0, 0, Map.of("loss", Double.NaN));
        bar.onEpochEnd(0, Map.of("loss", Double.NaN));
        assertEquals(" 1/10 - 0s - 5ms/step - loss: NaN\n", text());
    }

    @Test
    void etaUsesKerasFormats() {
        assertEquals("59s", ProgressBar.eta(59.9));
        assertEquals("1:01", ProgressBar.eta(61.5));
        assertEquals("1:02:03", ProgressBar.eta(3723.9));
    }

    @Test
    void realFitPrintsExactlyTheseLines() {
        // Zero weights and zero targets: every loss is exactly 0, so the whole text is known in advance.
        Sequential spec = Sequential.create().input(2).add(Dense.units(1).kernelInitializer(Initializer.zeros()));
        TrainingConfig config = TrainingConfig.of(Optimizer.sgd(0.1), Loss.meanSquaredError(),
                Metric.MEAN_ABSOLUTE_ERROR);
        float[][] x = {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}, {11, 12}, {13, 14}, {15, 16}, {17, 18}, {19, 20}};
        float[][] y = new float[10][1];
        AtomicLong ticks = new AtomicLong();
        ProgressBar bar = new ProgressBar(out, false, () -> ticks.getAndAdd(10 * MS));
        try (Model model = Model.compile(spec, config)) {
            model.fit(x, y, FitOptions.epochs(2).batchSize(3).validationSplit(0.2).quiet().callbacks(bar));
        }
        // The clock reads 0 at epoch begin, 10, 20, 30 ms after the batches, 40 at the end: (40 - 10) / 2 = 15 ms.
        assertEquals("""
                Epoch 1/2
                3/3 - 0s - 15ms/step - loss: 0.0000 - data_loss: 0.0000 - regularization_loss: 0.0000 - mae: 0.0000 \
                - val_loss: 0.0000 - val_data_loss: 0.0000 - val_regularization_loss: 0.0000 - val_mae: 0.0000
                Epoch 2/2
                3/3 - 0s - 15ms/step - loss: 0.0000 - data_loss: 0.0000 - regularization_loss: 0.0000 - mae: 0.0000 \
                - val_loss: 0.0000 - val_data_loss: 0.0000 - val_regularization_loss: 0.0000 - val_mae: 0.0000
                """, text());
    }
}
