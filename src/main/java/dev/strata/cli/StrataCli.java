package dev.strata.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code strata} command line: {@code mvn -q compile exec:java -Dexec.args="demo"}, or
 * {@code java -cp ... dev.strata.cli.StrataCli <command> ...}, or run {@link #main} from the IDE.
 */
public final class StrataCli {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public StrataCli() {
        for (Command c : List.of(new DemoCommand(), new TrainCommand(), new CompareCommand(), new PredictCommand(),
                new ConvertCommand(), new SummaryCommand(), new CheckCommand())) {
            commands.put(c.name(), c);
        }
    }

    public static void main(String[] args) {
        int code = new StrataCli().run(Arrays.asList(args), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs one command line; returns the exit code (0 ok, 1 failure, 2 usage error). */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            out.print(help());
            return 0;
        }
        if (args.get(0).equals("--version") || args.get(0).equals("-V")) {
            out.println(version());
            return 0;
        }
        Command command = commands.get(args.get(0));
        if (command == null) {
            err.println("strata: unknown command '" + args.get(0) + "'");
            err.print(help());
            return 2;
        }
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(command.usage());
            return 0;
        }
        try {
            return command.run(rest, out, err);
        } catch (Arguments.UsageException e) {
            err.println("strata " + command.name() + ": " + e.getMessage());
            err.print(command.usage());
            return 2;
        } catch (Exception e) {
            err.println("strata " + command.name() + ": " + SpecFiles.describe(e));
            return 1;
        }
    }

    /** {@code strata 0.1.0 (TensorFlow Java 1.1.0)}, from the build's filtered version.properties. */
    static String version() {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = StrataCli.class.getResourceAsStream("/dev/strata/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return "strata " + p.getProperty("version", "unknown") + " (TensorFlow Java " + p.getProperty("tensorflow",
                "unknown") + ")";
    }

    String help() {
        StringBuilder sb = new StringBuilder("Usage: strata <command> [options]   (strata <command> --help for details;"
                + " strata --version)\n\n");
        for (Command c : commands.values()) {
            sb.append(String.format("  %-9s %s%n", c.name(), c.summary()));
        }
        return sb.toString();
    }
}
