package dev.strata.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The harness behind {@link CompileFuzzTest} can fail: a child that dies mid-case is an abort, one that stops
 * answering a hang, an untyped outcome is reported, and a fresh child resumes after each, so every case is counted.
 */
class ChildFuzzerTest {
    @Test
    void abortsHangsAndUntypedCasesAreEachRecordedAndTheRunGoesOn() {
        ChildFuzzer.Result r = new ChildFuzzer(1, Duration.ofSeconds(3), "quick", MisbehavingChild.class).run(0, 6);
        assertEquals(Map.of("ok", 2, "abort rc=134", 2, "hang", 1, "untyped IllegalArgumentException", 1),
                r.outcomes());
        assertEquals(Map.of("ok", 2, "abort", 2, "hang", 1, "untyped", 1), r.buckets());
        assertEquals(4, r.failures().size());
        assertTrue(r.failures().get(0).contains("FuzzChild 1 1 2 quick"), r.failures().get(0));
    }
}
