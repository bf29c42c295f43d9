package dev.sweep.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One in-process run of the command line, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    /** A run whose stdout and stderr are not terminals, as in a pipe. */
    static CliRun of(String... args) {
        return in(Map.of(), args);
    }

    /** A run whose stderr is a terminal: progress is shown. */
    static CliRun onTerminal(String... args) {
        return run(Map.of(), true, args);
    }

    /** A run whose stdout and stderr are not terminals, with the given environment. */
    static CliRun in(Map<String, String> environment, String... args) {
        return run(environment, false, args);
    }

    private static CliRun run(Map<String, String> environment, boolean errTerminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Console console = Console.of(new PrintWriter(out), new PrintWriter(err), false, errTerminal, environment);
        int exitCode = Main.run(args, console);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
