package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.cli.StrataCliTest.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The picocli layer: typed option errors in Strata's words, help in every form, and shell completion. */
class CommandLineParsingTest {
    private static final String IRIS_SPEC = "dsl-samples/json/iris_mlp.keras3.json";

    private static void assertUsage(Outcome o, String message, String command) {
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("strata " + command + ": " + message), o.err());
        assertTrue(o.err().contains("Usage: strata " + command), "the usage follows: " + o.err());
        assertEquals("", o.out(), "nothing runs");
    }

    @Test
    void typedOptionsNameTheOptionAndTheValue() {
        assertUsage(StrataCliTest.run("train", IRIS_SPEC, "--learning-rate", "0"),
                "--learning-rate must be > 0, was 0", "train");
        assertUsage(StrataCliTest.run("train", IRIS_SPEC, "--learning-rate", "fast"),
                "--learning-rate must be a number, was fast", "train");
        assertUsage(StrataCliTest.run("train", IRIS_SPEC, "--batch-size=-4"),
                "--batch-size must be a positive integer, was -4", "train");
        assertUsage(StrataCliTest.run("compare", "--l2", "NaN"), "--l2 must be a number, was NaN", "compare");
        assertUsage(StrataCliTest.run("compare", "--validation-split", "x"),
                "--validation-split must be a number, was x", "compare");
        assertUsage(StrataCliTest.run("compare", "--l1l2", "0.1"), "--l1l2 takes two factors, A,B; was 0.1",
                "compare");
    }

    @Test
    void unknownOptionsMissingValuesAndExtraArgumentsAreUsageErrors() {
        assertUsage(StrataCliTest.run("train", IRIS_SPEC, "--epoch", "3"), "unknown option --epoch", "train");
        assertUsage(StrataCliTest.run("summary", IRIS_SPEC, "extra.json"), "unexpected argument extra.json",
                "summary");
        Outcome missingValue = StrataCliTest.run("train", IRIS_SPEC, "--epochs");
        assertEquals(2, missingValue.code());
        assertTrue(missingValue.err().contains("--epochs"), missingValue.err());
        Outcome noSpec = StrataCliTest.run("train");
        assertEquals(2, noSpec.code());
        assertTrue(noSpec.err().contains("SPEC.json"), noSpec.err());
        Outcome noData = StrataCliTest.run("predict", IRIS_SPEC);
        assertEquals(2, noData.code());
        assertTrue(noData.err().contains("--data"), noData.err());
        Outcome typo = StrataCliTest.run("trian");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("unknown command 'trian'") && typo.err().contains("strata train"), typo.err());
    }

    @Test
    void helpInEveryForm() {
        Outcome none = StrataCliTest.run();
        assertEquals(0, none.code());
        assertEquals(StrataCliTest.run("--help").out(), none.out());
        assertTrue(none.out().contains("generate-completion"), none.out());
        Outcome help = StrataCliTest.run("help", "compare");
        assertEquals(0, help.code());
        assertEquals(StrataCliTest.run("compare", "--help").out(), help.out());
        assertTrue(help.out().contains("--max-norm-dropout=C,R"), help.out());
        // --help wins wherever it stands, even after a value the command would refuse.
        Outcome late = StrataCliTest.run("train", IRIS_SPEC, "--epochs", "3", "-h");
        assertEquals(0, late.code(), late.err());
        assertTrue(late.out().startsWith("Usage: strata train"), late.out());
        Outcome afterAMistake = StrataCliTest.run("demo", "--epochs", "zero", "--help");
        assertEquals(0, afterAMistake.code(), afterAMistake.err());
        assertTrue(afterAMistake.out().startsWith("Usage: strata demo"), afterAMistake.out());
        assertEquals("", afterAMistake.err());
    }

    @Test
    void anOptionGivenTwiceKeepsItsLastValue() {
        // As the hand-written parser did: the second --epochs is the one checked.
        Outcome o = StrataCliTest.run("demo", "--epochs", "5", "--epochs", "zero");
        assertUsage(o, "--epochs must be a positive integer, was zero", "demo");
    }

    @Test
    void theCompletionScriptCompletesCommandsOptionsAndFiles(@TempDir Path dir) throws Exception {
        Outcome o = StrataCliTest.run("generate-completion");
        assertEquals(0, o.code(), o.err());
        Path script = Files.writeString(dir.resolve("strata_completion.bash"), o.out());
        assertEquals(List.of("train"), complete(script, "strata", "tr"));
        assertEquals(List.of("--validation-split"), complete(script, "strata", "train", "--val"));
        assertEquals(List.of("--max-norm-dropout"), complete(script, "strata", "compare", "--max"));
        assertEquals(List.of("dsl-samples/json/iris_mlp.keras3.json"),
                complete(script, "strata", "check", "dsl-samples/json/iris_"));
    }

    /** What bash offers for the last word, by calling the script's completion function as bash would. */
    private static List<String> complete(Path script, String... words) throws Exception {
        String line = String.join(" ", words);
        String program = "source " + script + " 2>/dev/null; COMP_WORDS=(" + line + "); COMP_CWORD="
                + (words.length - 1) + "; COMP_LINE='" + line + "'; COMP_POINT=" + line.length()
                + "; _complete_strata 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process p = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}
