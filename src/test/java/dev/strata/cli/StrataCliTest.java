package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrataCliTest {
    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new StrataCli().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everySubcommandHasHelp() {
        Outcome top = run("--help");
        assertEquals(0, top.code());
        for (String line : top.out().split("\n")) {
            if (line.startsWith("  ")) {
                String name = line.trim().split("\\s+")[0];
                Outcome help = run(name, "--help");
                assertEquals(0, help.code(), name);
                assertTrue(help.out().startsWith("Usage: strata " + name), name + ": " + help.out());
            }
        }
        assertTrue(top.out().contains("demo"), top.out());
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() {
        Outcome unknown = run("frobnicate");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown command 'frobnicate'"), unknown.err());
        Outcome badOption = run("demo", "--epochs", "zero");
        assertEquals(2, badOption.code());
        assertTrue(badOption.err().contains("--epochs must be a positive integer, was zero"), badOption.err());
    }
}
