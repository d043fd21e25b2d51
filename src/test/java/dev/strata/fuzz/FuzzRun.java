package dev.strata.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The long fuzz run of issue 14, whose figures the README reports: {@code cases} mutated specs through read and
 * check in-process, and the first {@code compileCases} of the compile seed set through compile, one fit step and
 * predict in child JVMs ({@link ChildFuzzer}). Prints the outcome counts, the slowest check, and every untyped,
 * aborted or hung case with how to replay it; exits 1 if there is any. Run from the repository root:
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) dev.strata.fuzz.FuzzRun 20000 8000 20261129
 * </pre>
 */
public final class FuzzRun {
    private FuzzRun() {
    }

    public static void main(String[] args) {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int compileCases = args.length > 1 ? Integer.parseInt(args[1]) : 8_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261129L;
        SpecMutator mutator = SpecMutator.standard();
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> buckets = new TreeMap<>();
        List<String> untyped = new ArrayList<>();
        long slowest = 0;
        long started = System.nanoTime();
        for (long i = 0; i < cases; i++) {
            String input = mutator.input(seed, i);
            long t = System.nanoTime();
            String outcome = CheckStage.run(input);
            slowest = Math.max(slowest, System.nanoTime() - t);
            outcomes.merge(outcome, 1, Integer::sum);
            buckets.merge(Outcomes.bucket(outcome), 1, Integer::sum);
            if (Outcomes.bucket(outcome).equals("untyped")) {
                untyped.add(outcome + " at seed " + seed + " case " + i + ": " + input.substring(0,
                        Math.min(input.length(), 600)));
            }
        }
        System.out.printf("read+check: %d cases in %.1f s (slowest %.1f ms): %s%n  %s%n", cases,
                (System.nanoTime() - started) / 1e9, slowest / 1e6, buckets, outcomes);
        started = System.nanoTime();
        ChildFuzzer.Result r = new ChildFuzzer(seed, Duration.ofSeconds(60), "quick").run(0, compileCases);
        System.out.printf("compile+fit+predict: %d cases in %.1f s: %s%n  %s%n", compileCases,
                (System.nanoTime() - started) / 1e9, r.buckets(), r.outcomes());
        untyped.addAll(r.failures());
        untyped.forEach(System.out::println);
        System.exit(untyped.isEmpty() ? 0 : 1);
    }
}
