package dev.strata.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.SpecException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A structure-aware fuzzer over JSON specs (issue 14): mutated real specs (deleted, duplicated and retyped keys,
 * extreme numbers, long and unicode names, truncations, random bytes; see {@link SpecMutator}) go through read
 * and the spec-level check in-process, where no native code runs ({@link CompileFuzzTest} takes the survivors on
 * to compile and fit in a child JVM). Every case must end in success or one of Strata's typed errors
 * ({@link SpecException}); anything else is an untyped failure and fails the test with the mutated input. Fixed
 * seed, so a failure reproduces; a bounded budget (the suite's share is a few seconds).
 */
class SpecFuzzTest {
    private static final int CASES = 2000;
    private static final long SEED = 20261128L;

    @Test
    void everyMutatedSpecEndsInSuccessOrATypedError() throws IOException {
        SpecMutator mutator = SpecMutator.standard();
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> untyped = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String input = mutator.input(SEED, i);
            String outcome = CheckStage.run(input);
            if (Outcomes.bucket(outcome).equals("untyped") && untyped.size() < 5) {
                untyped.add(outcome + "\n  input: " + input.substring(0, Math.min(input.length(), 400)));
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        System.out.println("[fuzz] " + CASES + " cases: " + outcomes);
        assertEquals(List.of(), untyped, "untyped failures (first 5 of " + outcomes + ")");
        assertTrue(outcomes.getOrDefault("ok", 0) > CASES / 20, "mutations too destructive to reach check: "
                + outcomes);
    }
}
