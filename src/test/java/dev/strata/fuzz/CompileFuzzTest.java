package dev.strata.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mutated specs through compile, one fit step and predict (issue 14), in child JVMs because these stages reach
 * TensorFlow, whose failed checks abort the process. Every case must end ok or in a typed error: no untyped
 * exception, no abort, no hang. Fixed seed; a few hundred cases keep the suite's share near a minute (the long
 * run, {@link FuzzRun}, does tens of thousands). The per-case bound is generous because the machine running the
 * suite may be busy: a hang here means minutes, not a slow compile.
 */
class CompileFuzzTest {
    private static final long SEED = 20261128L;
    private static final int CASES = 300;
    private static final Duration PER_CASE = Duration.ofSeconds(60);

    @Test
    void everyMutatedSpecCompilesFitsAndPredictsOrFailsTyped() {
        ChildFuzzer.Result r = new ChildFuzzer(SEED, PER_CASE, "quick").run(0, CASES);
        System.out.println("[fuzz compile+fit] " + CASES + " cases: " + r.buckets() + " " + r.outcomes());
        assertEquals(List.of(), r.failures(), "untyped, aborted or hung cases: " + r.outcomes());
        assertEquals(CASES, r.buckets().values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(r.buckets().getOrDefault(Outcomes.OK, 0) > CASES / 10, "too few cases reach fit: " + r.outcomes());
    }
}
