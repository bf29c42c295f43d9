package dev.sweep.cli;

import dev.sweep.cli.render.FillList;
import dev.sweep.cli.render.HumanRenderer;
import dev.sweep.cli.render.JsonRenderer;
import dev.sweep.cli.render.SweepOutput;

/**
 * Prints the sweeps of one command on stdout, as text fitted to the console's width or as JSON and, under
 * {@code --watch}, each text report in place of the last when stdout is a terminal.
 */
final class ReportPrinter {

    /** Moves the cursor home and clears the screen. */
    static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";

    private final Console console;
    private final ReportFormat format;
    private final FillList fills;
    private final boolean watch;

    ReportPrinter(Console console, ReportFormat format, FillList fills, boolean watch) {
        this.console = console;
        this.format = format;
        this.fills = fills;
        this.watch = watch;
    }

    void print(SweepOutput output) {
        if (format == ReportFormat.JSON) {
            console.out().print(new JsonRenderer().render(output) + "\n");
        } else {
            if (watch && console.redraw()) {
                console.out().print(CLEAR_SCREEN);
            }
            console.out().print(new HumanRenderer(console.colors(), console.width(), fills).render(output));
        }
        console.out().flush();
    }
}
