package dev.strata.cli;

import dev.strata.io.KerasFiles;
import dev.strata.train.Model;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code convert}: a Keras 2 {@code .h5} (or a {@code .keras}) to a Keras 3 {@code .keras} archive, weights included. */
final class ConvertCommand implements Command {
    @Override
    public String name() {
        return "convert";
    }

    @Override
    public String summary() {
        return "convert a Keras .h5 or .keras model to a Keras 3 .keras archive, weights included";
    }

    @Override
    public String usage() {
        return """
                Usage: strata convert IN.h5|IN.keras OUT.keras

                Reads the model (topology, compile config, weights) and writes it as Keras 3's model.save does;
                keras.saving.load_model reads the result. Optimizer state is not carried over.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments a = new Arguments(args, List.of(), List.of());
        if (a.positionals().size() != 2) {
            throw new Arguments.UsageException("give the input model and the output .keras file");
        }
        String in = a.positionals().get(0);
        String target = a.positionals().get(1);
        CommandFiles.requireInput(in, "input model");
        if (!target.endsWith(".keras")) {
            throw new Arguments.UsageException("the output is a Keras 3 archive: give a name ending in .keras (was "
                    + target + ")");
        }
        try (Model model = KerasFiles.load(Path.of(in))) {
            KerasFiles.save(model, Path.of(target));
        }
        out.println("wrote " + target);
        return 0;
    }
}
