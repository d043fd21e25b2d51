package dev.strata.io;

import java.nio.file.Path;

/**
 * A checkpoint or weights file that cannot be written, read or applied, with the file and what is wrong.
 * Unchecked, like Strata's other errors, so it passes through {@code fit} callbacks unchanged; {@link #reason()}
 * lets callers tell a damaged file from a file meant for another model.
 */
public final class CheckpointException extends RuntimeException {
    /** What went wrong, from the least to the most specific to Strata's format. */
    public enum Reason {
        /** The file system failed: missing file, no permission, disk full. */
        IO,
        /** The file does not start with the checkpoint magic: it is some other kind of file. */
        NOT_A_CHECKPOINT,
        /** Written by a newer (or unknown) version of the format. */
        UNSUPPORTED_VERSION,
        /** The file ends before its declared length: an interrupted copy or a full disk. */
        TRUNCATED,
        /** The checksum or the structure does not hold: flipped bits, trailing garbage, bad lengths. */
        CORRUPT,
        /** A weights-only file where the full training state is needed. */
        WRONG_KIND,
        /** A sound file whose weights or optimizer state do not fit the model (names, shapes, optimizer). */
        INCOMPATIBLE
    }

    private final transient Path file;
    private final Reason reason;

    CheckpointException(Path file, Reason reason, String message) {
        this(file, reason, message, null);
    }

    CheckpointException(Path file, Reason reason, String message, Throwable cause) {
        super("checkpoint " + file + ": " + message, cause);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }
}
