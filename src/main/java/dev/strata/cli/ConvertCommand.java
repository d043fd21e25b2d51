package dev.strata.cli;

import dev.strata.io.KerasFiles;
import dev.strata.train.Model;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code convert}: a Keras 2 {@code .h5} (or a {@code .keras}) to a Keras 3 {@code .keras} archive, weights
 * included.
 */
@Command(name = "convert", description = {
        "convert a .h5 or .keras model to a Keras 3 .keras archive, weights included", "",
        "Reads the model (topology, compile config, weights) and writes it as Keras 3's model.save does; "
                + "keras.saving.load_model reads the result. Optimizer state is not carried over."})
final class ConvertCommand extends StrataCommand {
    @Parameters(index = "0", paramLabel = "IN.h5|IN.keras", description = "the model to read")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT.keras", description = "the Keras 3 archive to write")
    Path target;

    ConvertCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        CommandFiles.requireInput(in, "input model");
        if (!target.toString().endsWith(".keras")) {
            throw new UsageException("the output is a Keras 3 archive: give a name ending in .keras (was "
                    + target + ")");
        }
        CommandFiles.requireOutputFile("OUT.keras", target, null);
        try (Model model = KerasFiles.load(in)) {
            KerasFiles.save(model, target);
        }
        out.println("wrote " + target);
        return 0;
    }
}
