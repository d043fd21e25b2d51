package dev.strata.cli;

/**
 * A command-line mistake found after parsing (a missing file, an output that cannot be written, an option that
 * does not fit the model): printed with the command's usage, exit code 2, like picocli's own parse errors.
 */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
