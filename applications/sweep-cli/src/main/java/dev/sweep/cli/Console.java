package dev.sweep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the command writes and whether it may use colors: ANSI colors only when stdout is a terminal and the
 * {@code NO_COLOR} convention (no-color.org) does not ask otherwise.
 *
 * @param out      the report
 * @param err      errors and progress
 * @param colors   whether to color the report
 * @param progress whether stderr is a terminal that can show a progress line redrawn in place
 */
public record Console(PrintWriter out, PrintWriter err, boolean colors, boolean progress) {

    /** A console that shows no progress, as when stderr is a file or a pipe. */
    public Console(PrintWriter out, PrintWriter err, boolean colors) {
        this(out, err, colors, false);
    }

    /** The process's own console. */
    public static Console system() {
        Map<String, String> environment = System.getenv();
        boolean terminal = System.console() != null;
        boolean dumb = "dumb".equals(environment.get("TERM"));
        boolean noColor = environment.getOrDefault("NO_COLOR", "").length() > 0 || dumb;
        return new Console(new PrintWriter(System.out, true), new PrintWriter(System.err, true), terminal && !noColor,
                !dumb && stderrIsTerminal());
    }

    /**
     * Java 17 cannot ask whether stderr is a terminal; Linux names what each descriptor is open on. Elsewhere, stdin
     * and stdout being terminals (the JDK's console) stands in for it.
     */
    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }
}
