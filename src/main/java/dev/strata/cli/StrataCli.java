package dev.strata.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code strata} command line (picocli): {@code ./strata <command> ...}, {@code java -jar
 * target/strata-VERSION.jar <command> ...}, or run {@link #main} from the IDE. Exit codes: 0 success, 1 a failure
 * in the work, 2 a command-line mistake (printed with the command's usage).
 */
@Command(name = "strata", usageHelpWidth = 100, versionProvider = StrataCli.Version.class,
        customSynopsis = "strata <command> [options]   (strata <command> --help for details; strata --version)",
        commandListHeading = "%n")
public final class StrataCli implements Callable<Integer> {
    // Hidden so that the top-level help lists commands only (one per line, which scripts and a test read).
    @Option(names = {"-h", "--help"}, usageHelp = true, hidden = true)
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, hidden = true)
    boolean version;

    @Spec
    CommandSpec spec;

    private PrintStream out;

    /** The command line with its subcommands. */
    public StrataCli() {
    }

    /** Runs {@code args} and exits with the command's exit code (0 success, 1 failure, 2 usage error). */
    public static void main(String[] args) {
        int code = new StrataCli().run(Arrays.asList(args), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs one command line; returns the exit code (0 ok, 1 failure, 2 usage error). */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        this.out = out;
        CommandLine cli = commandLine(out, err);
        try {
            return cli.execute(args.toArray(String[]::new));
        } finally {
            cli.getOut().flush();
            cli.getErr().flush();
        }
    }

    /** The whole tree, fresh for each run: picocli keeps the parsed values in the command objects. */
    CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(this);
        for (StrataCommand c : List.of(new DemoCommand(out, err), new TrainCommand(out, err),
                new CompareCommand(out, err), new PredictCommand(out, err), new ConvertCommand(out, err),
                new SummaryCommand(out, err), new CheckCommand(out, err), new CompletionCommand(out, err),
                new HelpCommand(out, err))) {
            cli.addSubcommand(c);
        }
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        // A spec path is taken as written: "@name.json" is a file name here, not picocli's argument file.
        cli.setExpandAtFiles(false);
        // As before picocli: an option given twice keeps its last value (scripts append overrides).
        cli.setOverwrittenOptionsAllowed(true);
        cli.setParameterExceptionHandler(StrataCli::parseError);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof UsageException) {
                return usageError(command, e.getMessage());
            }
            command.getErr().println(prefix(command) + SpecFiles.describe(e));
            return 1;
        });
        return cli;
    }

    /** {@code strata} alone prints the command list, as {@code --help} does. */
    @Override
    public Integer call() {
        out.print(spec.commandLine().getUsageMessage());
        return 0;
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

    /** For {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {version()};
        }
    }

    /**
     * picocli's parse errors in Strata's words: {@code --epochs must be a positive integer, was zero}, {@code
     * unknown command 'x'}, {@code unknown option --x}, then the command's usage.
     */
    private static int parseError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            // As before picocli: asking for help gets help, even after a value the command would refuse.
            command.getOut().print(command.getUsageMessage());
            return 0;
        }
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            if (command.getParent() == null && !first.startsWith("-")) {
                command.getErr().println("strata: unknown command '" + first + "'");
                UnmatchedArgumentException.printSuggestions(u, command.getErr());
                command.getErr().print(command.getUsageMessage());
                return 2;
            }
            return usageError(command, (first.startsWith("-") ? "unknown option " : "unexpected argument ") + first);
        }
        ArgSpec arg = e.getArgSpec();
        if (e.getCause() instanceof TypeConversionException t && arg instanceof OptionSpec option) {
            return usageError(command, option.longestName() + " " + t.getMessage() + ", was " + e.getValue());
        }
        return usageError(command, e.getMessage());
    }

    private static int usageError(CommandLine command, String message) {
        command.getErr().println(prefix(command) + message);
        command.getErr().print(command.getUsageMessage());
        return 2;
    }

    /** {@code "strata train: "}. */
    private static String prefix(CommandLine command) {
        return command.getCommandSpec().qualifiedName() + ": ";
    }
}
