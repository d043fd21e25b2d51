package dev.strata.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The data options {@code train} and {@code compare} share, mixed into both so they parse and read the same. */
final class DataOptions {
    @Option(names = "--data", paramLabel = "FILE.csv",
            description = "training data with a header row (default: the embedded demo data)")
    Path data;

    @Option(names = "--label", paramLabel = "NAME|INDEX",
            description = "label column of the CSV (default: the last column)")
    String label;

    @Option(names = "--validation-split", paramLabel = "F", converter = Converters.Fraction.class,
            description = "last fraction of the CSV held out for validation, as Keras's validation_split "
                    + "(default ${DEFAULT-VALUE})")
    double validationSplit = 0.2;

    @Option(names = "--standardize", description = "standardize CSV features with the training statistics")
    boolean standardize;

    /** The data file, checked before anything loads (the values were checked when parsed). */
    void check() {
        CommandFiles.requireInput(data, "--data");
    }
}
