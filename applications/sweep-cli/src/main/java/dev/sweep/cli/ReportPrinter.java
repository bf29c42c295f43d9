package dev.sweep.cli;

import dev.sweep.cli.render.HumanRenderer;
import dev.sweep.cli.render.JsonRenderer;
import dev.sweep.cli.render.SweepOutput;

/**
 * Prints the reports of one command on stdout: as text or JSON and, under {@code --watch}, each text report in place
 * of the last when stdout is a terminal.
 */
final class ReportPrinter {

    /** Moves the cursor home and clears the screen. */
    static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";

    private final Console console;
    private final boolean json;
    private final boolean watch;

    ReportPrinter(Console console, boolean json, boolean watch) {
        this.console = console;
        this.json = json;
        this.watch = watch;
    }

    void print(SweepOutput output) {
        if (json) {
            console.out().print(new JsonRenderer().render(output) + "\n");
        } else {
            if (watch && console.redraw()) {
                console.out().print(CLEAR_SCREEN);
            }
            console.out().print(new HumanRenderer(console.colors()).render(output));
        }
        console.out().flush();
    }
}
