package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./strata} launcher README shows: it runs the command line with the built classes and hides
 * TensorFlow's native start-up lines (which {@code TF_CPP_MIN_LOG_LEVEL} alone does not). Run from a copy whose
 * build is up to date (the test's own classes and class path), so the script starts no Maven build of its own.
 */
class LauncherScriptTest {
    private static final List<String> BANNERS = List.of("absl::InitializeLog", "I0000 ", "cpu_feature_guard");

    private record Run(int code, String out, String err) {
    }

    private static Run run(Path script, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("strata-out", ".txt");
        Path err = Files.createTempFile("strata-err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher finished");
        Thread.sleep(200); // the stderr filter is a separate process: let it flush
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void runsTheCommandLineAndHidesTensorFlowsStartUpLines(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("strata");
        Files.copy(Path.of("strata"), script);
        Files.copy(Path.of("pom.xml"), dir.resolve("pom.xml"));
        Files.createDirectories(dir.resolve("src/main"));
        Files.createDirectories(dir.resolve("target"));
        Files.createSymbolicLink(dir.resolve("target/classes"), Path.of("target/classes").toAbsolutePath());
        Files.writeString(dir.resolve("target/strata.classpath"), String.join(File.pathSeparator,
                System.getProperty("java.class.path").split(File.pathSeparator)));

        Run version = run(script, "--version");
        assertEquals(0, version.code(), version.err());
        assertTrue(version.out().startsWith("strata "), version.out());

        // Training opens a session: straight from java, TensorFlow prints all three banners here.
        Run train = run(script, "train", "dsl-samples/json/iris_mlp.keras3.json", "--data",
                "dsl-samples/data/iris.csv", "--epochs", "1");
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("4/4 - ") && train.out().contains("val_accuracy"), train.out());
        for (String banner : BANNERS) {
            assertFalse(train.err().contains(banner), "hidden: " + banner + " in\n" + train.err());
        }
        Run missing = run(script, "train", "missing.json");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file: missing.json (spec)"), missing.err());
    }
}
