package dev.strata.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The files a command reads and writes, checked before any work starts: a missing input is named at once, and an
 * output that cannot be written (no such directory, a directory where a file goes, a {@code .jpg} for PNG bytes)
 * is refused before training rather than after it.
 */
final class CommandFiles {
    private CommandFiles() {
    }

    /** An input file that must exist (null: not given); {@code what} names the argument ({@code "--data"}). */
    static void requireInput(Path file, String what) {
        if (file == null) {
            return;
        }
        if (!Files.exists(file)) {
            throw new UsageException("no such file: " + file + " (" + what + ")");
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(file + " (" + what + ") is a directory, not a file");
        }
    }

    /** An output file: its directory must exist, and it must not be one; {@code extension} (".png") or null. */
    static void requireOutputFile(String option, Path file, String extension) {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(option + " " + file + " is a directory; give a file name");
        }
        if (extension != null && !file.toString().toLowerCase(Locale.ROOT).endsWith(extension)) {
            throw new UsageException(option + " writes " + extension.substring(1).toUpperCase(Locale.ROOT)
                    + " images; give a file name ending in " + extension + " (was " + file + ")");
        }
        requireParent(option, file);
    }

    /** An output directory (a SavedModel): its parent must exist; it must not be a file. */
    static void requireOutputDirectory(String option, Path dir) {
        if (dir == null) {
            return;
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException(option + " " + dir + " is a file; give a directory");
        }
        requireParent(option, dir);
    }

    private static void requireParent(String option, Path p) {
        Path parent = p.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UsageException(option + " " + p + ": directory " + parent + " does not exist");
        }
    }
}
