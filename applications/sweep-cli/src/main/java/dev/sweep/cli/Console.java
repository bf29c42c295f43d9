package dev.sweep.cli;

import java.io.PrintWriter;
import java.util.Map;

/**
 * Where the command writes and whether it may use colors: ANSI colors only when stdout is a terminal and the
 * {@code NO_COLOR} convention (no-color.org) does not ask otherwise.
 *
 * @param out    the report
 * @param err    errors and progress
 * @param colors whether to color the report
 */
public record Console(PrintWriter out, PrintWriter err, boolean colors) {

    /** The process's own console. */
    public static Console system() {
        Map<String, String> environment = System.getenv();
        boolean terminal = System.console() != null;
        boolean noColor = environment.getOrDefault("NO_COLOR", "").length() > 0
                || "dumb".equals(environment.get("TERM"));
        return new Console(new PrintWriter(System.out, true), new PrintWriter(System.err, true), terminal && !noColor);
    }
}
