package dev.sweep.cli;

import dev.sweep.core.OrderSide;
import dev.sweep.report.UserInputException;
import dev.sweep.report.VenueTexts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Entry point: wires the commands and turns every failure into one line on stderr and an exit code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Console.system()));
    }

    /** Runs one command line against the given console and returns the exit code (README, "Exit codes"). */
    public static int run(String[] args, Console console) {
        return commandLine(console).execute(args);
    }

    /** The command line with every subcommand, its output going to the console. */
    static CommandLine commandLine(Console console) {
        SweepCommand sweep = new SweepCommand();
        CommandLine cli = new CommandLine(sweep);
        for (OrderSide side : OrderSide.values()) {
            cli.addSubcommand(side.label(), OrderCommand.command(side, console));
        }
        cli.addSubcommand("book", new BookCommand(console));
        cli.addSubcommand("curve", new CurveCommand(console));
        cli.addSubcommand("depth", new DepthCommand(console));
        cli.addSubcommand("record", new RecordCommand(console));
        cli.addSubcommand("publish", new PublishCommand(console));
        cli.addSubcommand("replay", new ReplayCommand(console));
        cli.addSubcommand("sim", new SimCommand(console));
        cli.addSubcommand("serve", new ServeCommand(console));
        cli.addSubcommand("venues", new VenuesCommand(console));
        cli.addSubcommand("completion", new CompletionCommand(console));
        // Help texts name the venues through this bundle, read from the registry.
        cli.setResourceBundle(new VenueTexts());
        cli.setOut(console.out());
        cli.setErr(console.err());
        // A negative quantity ("sell -3") should be rejected as a quantity, not as an unknown option.
        cli.setUnmatchedOptionsArePositionalParams(true);
        cli.setParameterExceptionHandler(Main::onParameterError);
        cli.setExecutionExceptionHandler((exception, command, parseResult) ->
                onExecutionError(exception, command, console.err(), sweep.verbose()));
        return cli;
    }

    private static int onParameterError(ParameterException exception, String[] args) {
        CommandLine command = exception.getCommandLine();
        PrintWriter err = command.getErr();
        String unknownCommand = unknownCommand(exception);
        if (unknownCommand != null) {
            err.println("sweep: " + unknownCommand);
        } else {
            err.println("sweep: " + exception.getMessage());
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
        }
        err.flush();
        return ExitCode.USAGE;
    }

    /**
     * The line for a word where a subcommand was expected: the nearest commands, or the list of commands; null
     * when the exception is about something else.
     */
    private static String unknownCommand(ParameterException exception) {
        CommandLine command = exception.getCommandLine();
        if (!(exception instanceof UnmatchedArgumentException unmatched) || command.getSubcommands().isEmpty()
                || unmatched.getUnmatched().isEmpty() || unmatched.getUnmatched().get(0).startsWith("-")) {
            return null;
        }
        String typed = unmatched.getUnmatched().get(0);
        List<String> suggestions = Spelling.nearest(typed, command.getSubcommands().keySet());
        if (suggestions.isEmpty()) {
            return "unknown command '" + typed + "' (commands: " + String.join(", ", command.getSubcommands().keySet())
                    + ")";
        }
        return "unknown command '" + typed + "': did you mean "
                + suggestions.stream().map(name -> "'" + name + "'").collect(Collectors.joining(" or ")) + "?";
    }

    private static int onExecutionError(Exception exception, CommandLine command, PrintWriter err, boolean verbose) {
        int exitCode;
        if (exception instanceof UserInputException) {
            err.println("sweep: " + exception.getMessage());
            exitCode = ExitCode.USAGE;
        } else if (exception instanceof FeedFailureException) {
            err.println("sweep: " + exception.getMessage());
            exitCode = ExitCode.FEED_FAILURE;
        } else {
            err.println("sweep: internal error: " + exception + (verbose ? "" : " (run with --verbose for details)"));
            exitCode = ExitCode.INTERNAL_ERROR;
        }
        if (verbose) {
            StringWriter trace = new StringWriter();
            exception.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        err.flush();
        return exitCode;
    }
}
