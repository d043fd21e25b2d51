package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README's architecture rule for the command line: {@code cli} may use every package, nothing uses {@code cli},
 * and picocli stays inside it (the library's users never get it on their class path for nothing they call).
 */
class CliDependencyRuleTest {
    @Test
    void onlyTheCommandLineUsesPicocliOrTheCommandLine() throws IOException {
        Path cli = Path.of("src/main/java/dev/strata/cli");
        assertTrue(Files.isDirectory(cli), "run from the project root");
        List<String> offenders;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")),
                Files.walk(Path.of("dsl-samples/java")))) {
            offenders = files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(cli))
                    .filter(f -> {
                        String text = read(f);
                        return text.contains("picocli") || text.contains("dev.strata.cli");
                    })
                    .map(Path::toString).toList();
        }
        assertEquals(List.of(), offenders);
        assertTrue(read(cli.resolve("StrataCli.java")).contains("import picocli."), "the rule checks a real import");
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
