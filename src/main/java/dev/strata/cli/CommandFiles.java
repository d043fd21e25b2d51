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

    /** An input file that must exist: {@code what} names the argument ({@code "--data"}, {@code "spec"}). */
    static void requireInput(String file, String what) {
        if (file == null) {
            return;
        }
        Path p = Path.of(file);
        if (!Files.exists(p)) {
            throw new Arguments.UsageException("no such file: " + file + " (" + what + ")");
        }
        if (Files.isDirectory(p)) {
            throw new Arguments.UsageException(file + " (" + what + ") is a directory, not a file");
        }
    }

    /** An output file: its directory must exist, and it must not be one; {@code extension} (".png") or null. */
    static void requireOutputFile(Arguments a, String option, String extension) {
        String file = a.value(option, null);
        if (file == null) {
            return;
        }
        Path p = Path.of(file);
        if (Files.isDirectory(p)) {
            throw new Arguments.UsageException(option + " " + file + " is a directory; give a file name");
        }
        if (extension != null && !file.toLowerCase(Locale.ROOT).endsWith(extension)) {
            throw new Arguments.UsageException(option + " writes " + extension.substring(1).toUpperCase(Locale.ROOT)
                    + " images; give a file name ending in " + extension + " (was " + file + ")");
        }
        requireParent(option, p);
    }

    /** An output directory (a SavedModel): its parent must exist; it must not be a file. */
    static void requireOutputDirectory(Arguments a, String option) {
        String dir = a.value(option, null);
        if (dir == null) {
            return;
        }
        Path p = Path.of(dir);
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw new Arguments.UsageException(option + " " + dir + " is a file; give a directory");
        }
        requireParent(option, p);
    }

    private static void requireParent(String option, Path p) {
        Path parent = p.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new Arguments.UsageException(option + " " + p + ": directory " + parent + " does not exist");
        }
    }
}
