package dev.strata.cli;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code help [COMMAND]}: what {@code strata COMMAND --help} prints. Strata's own rather than picocli's
 * HelpCommand, whose usage starts with a header line instead of {@code Usage: strata help}.
 */
@Command(name = "help", description = "print a command's help, as COMMAND --help does")
final class HelpCommand extends StrataCommand {
    @Parameters(arity = "0..1", paramLabel = "COMMAND", description = "the command (default: list the commands)")
    String command;

    @Spec
    CommandSpec spec;

    HelpCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        CommandLine target = command == null ? root : root.getSubcommands().get(command);
        if (target == null) {
            throw new UsageException("unknown command '" + command + "'");
        }
        out.print(target.getUsageMessage());
        return 0;
    }
}
