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
        for (Command c : List.of(new DemoCommand(), new TrainCommand(), new CompareCommand(), new SummaryCommand(),
                new CheckCommand())) {
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

    String help() {
        StringBuilder sb = new StringBuilder("Usage: strata <command> [options]   (strata <command> --help for details)\n\n");
        for (Command c : commands.values()) {
            sb.append(String.format("  %-9s %s%n", c.name(), c.summary()));
        }
        return sb.toString();
    }
}
