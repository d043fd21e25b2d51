package dev.strata.samples;

import dev.strata.graph.GraphCompiler;
import dev.strata.json.ModelJson;
import dev.strata.json.ReadResult;
import dev.strata.spec.ModelSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Reads every Keras JSON sample in {@code dsl-samples/json} (Keras 2 and 3 dialects, Sequential and
 * functional, with and without a training configuration) and prints its summary and training configuration.
 * Train any of them with {@code strata train dsl-samples/json/<file>}.
 */
public final class JsonSamples {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "dsl-samples/json");
        try (Stream<Path> listing = Files.list(dir)) {
            for (Path file : listing.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                ReadResult read = ModelJson.read(file);
                ModelSummary summary = GraphCompiler.check(read.spec());
                System.out.println("== " + file.getFileName() + " (" + read.dialect() + ")");
                System.out.print(summary);
                read.training().ifPresent(t -> System.out.println("training: " + t.optimizer().kerasClassName()
                        + ", " + t.loss().kerasName() + ", metrics " + t.metrics()));
                read.warnings().forEach(w -> System.out.println("warning: " + w));
                System.out.println();
            }
        }
    }
}
