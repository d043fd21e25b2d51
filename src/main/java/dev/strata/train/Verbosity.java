package dev.strata.train;

/** How {@code fit} reports progress on the console. */
public enum Verbosity {
    /** Nothing. */
    SILENT,
    /** A live progress bar on a terminal; one plain line per epoch elsewhere (CI logs, IDE consoles). */
    AUTO,
    /** One plain line per epoch, always. */
    EPOCH_LINES
}
