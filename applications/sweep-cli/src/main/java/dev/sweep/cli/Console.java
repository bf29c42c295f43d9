package dev.sweep.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Where the command writes, and what may be done there. Each stream is judged on its own: stdout being a terminal
 * allows colors and the redraw of {@code --watch}, stderr being a terminal allows the progress line. {@code NO_COLOR}
 * (no-color.org) turns off colors and nothing else; {@code TERM=dumb} turns off every escape sequence.
 */
public final class Console {

    /** Width of the report when neither {@code COLUMNS} nor a terminal says otherwise. */
    static final int DEFAULT_WIDTH = 100;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean outTerminal;
    private final boolean errTerminal;
    private final Map<String, String> environment;
    private final IntSupplier terminalColumns;

    private Console(PrintWriter out, PrintWriter err, boolean outTerminal, boolean errTerminal,
                    Map<String, String> environment, IntSupplier terminalColumns) {
        this.out = out;
        this.err = err;
        this.outTerminal = outTerminal;
        this.errTerminal = errTerminal;
        this.environment = Map.copyOf(environment);
        this.terminalColumns = terminalColumns;
    }

    /** The process's own console. */
    public static Console system() {
        return new Console(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                Terminals.isTerminal(Terminals.STDOUT), Terminals.isTerminal(Terminals.STDERR), System.getenv(),
                Terminals::columns);
    }

    /**
     * A console over given writers, told whether each stands for a terminal and what the environment holds; a
     * terminal's width comes only from {@code COLUMNS} here.
     */
    public static Console of(PrintWriter out, PrintWriter err, boolean outTerminal, boolean errTerminal,
                             Map<String, String> environment) {
        return new Console(out, err, outTerminal, errTerminal, environment, () -> 0);
    }

    /** The report. */
    public PrintWriter out() {
        return out;
    }

    /** Errors and progress. */
    public PrintWriter err() {
        return err;
    }

    /** Whether to color the report. */
    public boolean colors() {
        return outTerminal && escapes() && environment.getOrDefault("NO_COLOR", "").isEmpty();
    }

    /** Whether {@code --watch} may redraw the report in place. */
    public boolean redraw() {
        return outTerminal && escapes();
    }

    /** Whether a line on stderr may show progress and redraw itself. */
    public boolean progress() {
        return errTerminal && escapes();
    }

    /** Columns the report may use: {@code COLUMNS} if set, else the terminal's width, else {@value #DEFAULT_WIDTH}. */
    public int width() {
        try {
            int columns = Integer.parseInt(environment.getOrDefault("COLUMNS", "").trim());
            if (columns > 0) {
                return columns;
            }
        } catch (NumberFormatException e) {
            // Not a number: the terminal, or the default, decides.
        }
        int columns = outTerminal ? terminalColumns.getAsInt() : 0;
        return columns > 0 ? columns : DEFAULT_WIDTH;
    }

    private boolean escapes() {
        return !"dumb".equals(environment.get("TERM"));
    }
}
