package dev.sweep.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sweep completion}: a bash (and zsh) completion script for every command and option, made by picocli. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a bash completion script for sweep's commands and options (zsh too, through"
                + " bashcompinit).",
        footer = {"", "Examples:",
                "  source <(sweep completion)                      (this shell)",
                "  sweep completion > ~/.local/share/bash-completion/completions/sweep   (every new shell)"})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final Console console;

    CompletionCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        console.out().print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        console.out().flush();
        return ExitCode.OK;
    }
}
