package dev.strata.fuzz;

import dev.strata.io.CheckpointException;
import dev.strata.io.KerasFileException;
import dev.strata.spec.SpecException;
import dev.strata.train.CsvFormatException;

/**
 * How the fuzzers name a case's end: {@code ok}, {@code typed X} for Strata's own exception types (a user can catch
 * them and their message names the fix), {@code untyped X} for anything else (a raw {@code IllegalArgumentException},
 * a TensorFlow exception, a JVM error), plus {@code abort} and {@code hang}, which only a child JVM can observe.
 */
final class Outcomes {
    static final String OK = "ok";
    static final String ABORT = "abort";
    static final String HANG = "hang";

    private Outcomes() {
    }

    static boolean isTyped(Throwable e) {
        return e instanceof SpecException || e instanceof CsvFormatException || e instanceof KerasFileException
                || e instanceof CheckpointException;
    }

    static String of(Throwable e) {
        return (isTyped(e) ? "typed " : "untyped ") + e.getClass().getSimpleName();
    }

    /** The four buckets the README reports: ok, typed, untyped, abort, hang. */
    static String bucket(String outcome) {
        int space = outcome.indexOf(' ');
        return space < 0 ? outcome : outcome.substring(0, space);
    }
}
