package dev.strata.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs the compile and fit stages of many fuzz cases in child JVMs (issue 14), so that a native abort or a hang
 * costs one case, not the test run: cases go to one child in a batch (a JVM and TensorFlow start per case would
 * cost more than the cases); a child that dies mid-case records that case as {@code abort}, one silent for longer
 * than the per-case bound is killed and its case recorded as {@code hang}; either way a new child resumes at the
 * next case. Each abort or hang keeps its seed, index and mutated spec, which {@link SpecMutator#input} replays.
 */
final class ChildFuzzer {
    /** What a run saw: outcome counts and, for every untyped, abort and hang case, how to replay it. */
    record Result(Map<String, Integer> outcomes, List<String> failures) {
        Map<String, Integer> buckets() {
            Map<String, Integer> b = new TreeMap<>();
            outcomes.forEach((k, v) -> b.merge(Outcomes.bucket(k), v, Integer::sum));
            return b;
        }
    }

    private final long seed;
    private final Duration perCase;
    private final String set;
    private final SpecMutator mutator;

    private final String child;

    /** {@code set} names {@link SpecMutator}'s seed set: {@code quick} or {@code standard}. */
    ChildFuzzer(long seed, Duration perCase, String set) {
        this(seed, perCase, set, FuzzChild.class);
    }

    /** With another child main, speaking {@link FuzzChild}'s protocol (the harness's own test uses one). */
    ChildFuzzer(long seed, Duration perCase, String set, Class<?> child) {
        this.seed = seed;
        this.perCase = perCase;
        this.set = set;
        this.mutator = SpecMutator.named(set);
        this.child = child.getName();
    }

    Result run(long from, long to) {
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long next = from;
        while (next < to) {
            next = batch(next, to, outcomes, failures);
        }
        return new Result(outcomes, failures);
    }

    /** One child from {@code from}; returns the first case it did not finish or record. */
    private long batch(long from, long to, Map<String, Integer> outcomes, List<String> failures) {
        Path stderr;
        Process p;
        try {
            stderr = Files.createTempFile("strata-fuzz-child", ".log");
            p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    child, Long.toString(seed), Long.toString(from), Long.toString(to), set)
                    .redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the child died mid-line: the end-of-stream marker below tells the parent
            }
            lines.add("@@eof");
        });
        reader.setDaemon(true);
        reader.start();
        long running = -1;
        try {
            while (true) {
                String line = lines.poll(perCase.toMillis(), TimeUnit.MILLISECONDS);
                if (line == null) {
                    p.destroyForcibly().waitFor();
                    long at = running < 0 ? from : running;
                    record(Outcomes.HANG, at, stderr, outcomes, failures);
                    return at + 1;
                }
                if (line.startsWith("@@start ")) {
                    running = Long.parseLong(line.substring(8));
                } else if (line.startsWith("@@done ")) {
                    int space = line.indexOf(' ', 7);
                    long i = Long.parseLong(line.substring(7, space));
                    String outcome = line.substring(space + 1);
                    outcomes.merge(outcome, 1, Integer::sum);
                    if (Outcomes.bucket(outcome).equals("untyped")) {
                        failures.add(describe(outcome, i, ""));
                    }
                    running = -1;
                    if (i == to - 1) {
                        p.waitFor();
                        return to;
                    }
                } else if (line.equals("@@eof")) {
                    int rc = p.waitFor();
                    long at = running < 0 ? from : running;
                    record(Outcomes.ABORT + " rc=" + rc, at, stderr, outcomes, failures);
                    return at + 1;
                }
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            try {
                Files.deleteIfExists(stderr);
            } catch (IOException e) {
                // a temporary log left behind is harmless
            }
        }
    }

    private void record(String outcome, long index, Path stderr, Map<String, Integer> outcomes,
            List<String> failures) {
        outcomes.merge(outcome, 1, Integer::sum);
        String log;
        try {
            log = Files.readString(stderr, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            log = "(no log: " + e + ")";
        }
        failures.add(describe(outcome, index, "\n  child's stderr (tail): "
                + log.substring(Math.max(0, log.length() - 1500))));
    }

    private String describe(String outcome, long index, String extra) {
        String input = mutator.input(seed, index);
        return outcome + " at seed " + seed + " case " + index + " (replay: FuzzChild " + seed + " " + index + " "
                + (index + 1) + " " + set + ")" + extra + "\n  spec: " + input.substring(0, Math.min(input.length(), 600));
    }
}
