package dev.strata.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A subcommand of {@code strata}: picocli fills its options, {@link #call} does the work and returns the exit code.
 * The streams are the ones {@link StrataCli#run} was given (tests capture them; progress bars look for a terminal).
 */
@Command(abbreviateSynopsis = true, sortOptions = false, parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n")
abstract class StrataCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    final PrintStream out;
    final PrintStream err;

    StrataCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }
}
