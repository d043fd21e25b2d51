package dev.strata.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The class names a model was trained with, one per line in index order, beside its weights
 * ({@code FILE.classes.txt}) or in a SavedModel's {@code assets.extra/classes.txt} (where TensorFlow Serving keeps
 * files it does not read): what turns a predicted index back into {@code versicolor}.
 */
final class ClassNamesFile {
    private ClassNamesFile() {
    }

    /** Written whole or not at all. */
    static void write(Path file, List<String> names) throws IOException {
        byte[] text = (String.join("\n", names) + "\n").getBytes(StandardCharsets.UTF_8);
        dev.strata.io.AtomicFiles.write(file, out -> out.write(text));
    }
}
