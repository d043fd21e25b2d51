package dev.strata.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A model trained with a huge learning rate diverges; TerminateOnNaN stops it at the first non-finite loss. */
class TerminateOnNaNTest {
    private static final Dataset DATA = TinyModels.regression(64, 3, 9);

    @Test
    void stopsRightAfterTheFirstBadBatch() {
        TinyModels.Recorder rec = new TinyModels.Recorder();
        TerminateOnNaN nan = new TerminateOnNaN();
        try (Model m = TinyModels.linear(3, 1e12)) {
            History h = m.fit(DATA, FitOptions.epochs(5).batchSize(4).shuffle(false).quiet().callbacks(rec, nan));
            List<Double> losses = rec.batchLosses;
            int bad = losses.size() - 1;
            assertFalse(Double.isFinite(losses.get(bad)), "last batch seen should have a bad loss: " + losses);
            for (int i = 0; i < bad; i++) {
                assertTrue(Double.isFinite(losses.get(i)), "batch " + i + " already bad: " + losses);
            }
            assertTrue(bad < 16, "diverged only at batch " + bad);
            assertEquals(0, nan.terminatedEpoch());
            assertEquals(bad, nan.terminatedBatch());
            // As in Keras: the epoch ends there, still reporting (non-finite) logs, and no other epoch runs.
            assertEquals(1, h.size());
            assertFalse(Double.isFinite(h.last("loss")));
            assertEquals("epoch_end 0", rec.events.get(rec.events.size() - 2));
        }
    }

    @Test
    void raisingVariantThrowsWithKerasMessage() {
        try (Model m = TinyModels.linear(3, 1e12)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.fit(DATA,
                    FitOptions.epochs(5).batchSize(4).shuffle(false).quiet().callbacks(TerminateOnNaN.raisingError())));
            assertTrue(e.getMessage().matches("NaN or Inf loss encountered at batch \\d+\\. Loss value: (nan|inf)\\. "
                    + "Terminating training immediately\\."), e.getMessage());
        }
    }

    @Test
    void aHealthyRunIsLeftAlone() {
        TerminateOnNaN nan = new TerminateOnNaN();
        try (Model m = TinyModels.linear(3, 0.05)) {
            assertEquals(3, m.fit(DATA, FitOptions.epochs(3).quiet().callbacks(nan)).size());
            assertEquals(-1, nan.terminatedBatch());
        }
    }
}
