package dev.strata.cli;

import java.io.PrintStream;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code generate-completion}: the bash (and zsh, through bashcompinit) completion script, from picocli. */
@Command(name = "generate-completion",
        description = "print a bash/zsh completion script: source <(strata generate-completion)",
        footer = {"%nCompletes commands, options and file names. To keep it, write it to a file your shell reads:",
                "  strata generate-completion > ~/.local/share/bash-completion/completions/strata"})
final class CompletionCommand extends StrataCommand {
    @Spec
    CommandSpec spec;

    CompletionCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        out.print(AutoComplete.bash("strata", spec.root().commandLine()));
        return 0;
    }
}
