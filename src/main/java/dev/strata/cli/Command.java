package dev.strata.cli;

import java.io.PrintStream;
import java.util.List;

/** A subcommand of the {@code strata} command line. */
interface Command {
    String name();

    /** One line for the command list. */
    String summary();

    /** Full usage text shown by {@code --help}. */
    String usage();

    /** Runs with the arguments after the subcommand name; returns the process exit code. */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
