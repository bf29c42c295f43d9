package dev.sweep.cli;

import dev.sweep.core.OrderSide;
import dev.sweep.report.UserInputException;
import dev.sweep.report.VenueTexts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
        return commandLine(console, args).execute(args);
    }

    /** The command line with every subcommand, its output going to the console. */
    static CommandLine commandLine(Console console) {
        return commandLine(console, new String[0]);
    }

    /**
     * The command line for these arguments: when the first names a subcommand, that one alone, since picocli reads
     * every subcommand's annotations as it is added and most of a short command's start-up went there; otherwise (no
     * subcommand, an option first, a misspelt name, the completion script of them all) every subcommand.
     */
    static CommandLine commandLine(Console console, String[] args) {
        SweepCommand sweep = new SweepCommand();
        CommandLine cli = new CommandLine(sweep);
        Map<String, Supplier<Object>> subcommands = new LinkedHashMap<>();
        for (OrderSide side : OrderSide.values()) {
            subcommands.put(side.label(), () -> OrderCommand.command(side, console));
        }
        subcommands.put("book", () -> new BookCommand(console));
        subcommands.put("curve", () -> new CurveCommand(console));
        subcommands.put("depth", () -> new DepthCommand(console));
        subcommands.put("record", () -> new RecordCommand(console));
        subcommands.put("publish", () -> new PublishCommand(console));
        subcommands.put("replay", () -> new ReplayCommand(console));
        subcommands.put("sim", () -> new SimCommand(console));
        subcommands.put("serve", () -> new ServeCommand(console));
        subcommands.put("venues", () -> new VenuesCommand(console));
        subcommands.put("completion", () -> new CompletionCommand(console));
        String named = args.length > 0 ? args[0] : "";
        if (subcommands.containsKey(named) && !named.equals("completion")) {
            cli.addSubcommand(named, subcommands.get(named).get());
        } else {
            subcommands.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
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
