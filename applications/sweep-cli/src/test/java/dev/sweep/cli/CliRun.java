package dev.sweep.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the command line, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        return run(false, args);
    }

    /** A run whose stderr is a terminal: progress is shown. */
    static CliRun onTerminal(String... args) {
        return run(true, args);
    }

    private static CliRun run(boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(args, new Console(new PrintWriter(out), new PrintWriter(err), false, terminal));
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
