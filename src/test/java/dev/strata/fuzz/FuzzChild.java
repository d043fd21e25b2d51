package dev.strata.fuzz;

import java.io.PrintStream;

/**
 * The child JVM of {@link ChildFuzzer}: runs cases {@code from} (inclusive) to {@code to} (exclusive) of a seed
 * through {@link FitStage} and reports each on stdout as {@code @@start i} before and {@code @@done i outcome}
 * after, flushed, so the parent knows which case was running when the process died or stopped answering.
 * Usage: {@code FuzzChild seed from to [quick|standard]} (the seed set of {@link SpecMutator}; quick by default).
 */
public final class FuzzChild {
    private FuzzChild() {
    }

    public static void main(String[] args) {
        long seed = Long.parseLong(args[0]);
        long from = Long.parseLong(args[1]);
        long to = Long.parseLong(args[2]);
        SpecMutator mutator = SpecMutator.named(args.length > 3 ? args[3] : "quick");
        PrintStream out = System.out;
        // Anything Strata or TensorFlow prints goes to stderr, so no stray line can look like a report.
        System.setOut(System.err);
        for (long i = from; i < to; i++) {
            out.println("@@start " + i);
            out.flush();
            String outcome = FitStage.run(mutator.input(seed, i));
            out.println("@@done " + i + " " + outcome.replace('\n', ' '));
            out.flush();
        }
    }
}
