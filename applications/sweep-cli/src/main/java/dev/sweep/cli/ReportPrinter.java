package dev.sweep.cli;

import dev.sweep.report.render.CsvRenderer;
import dev.sweep.report.render.FillList;
import dev.sweep.report.render.HumanRenderer;
import dev.sweep.report.render.JsonRenderer;
import dev.sweep.report.render.NothingLive;
import dev.sweep.report.render.SweepOutput;

/**
 * Prints the sweeps of one command on stdout: as text fitted to the console's width, as JSON, or as CSV with one
 * header line for all. Under {@code --watch} each text report replaces the last when stdout is a terminal.
 */
final class ReportPrinter {

    /** Moves the cursor home and clears the screen. */
    static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";

    private final Console console;
    private final ReportFormat format;
    private final FillList fills;
    private final boolean watch;
    private boolean headerPrinted;

    ReportPrinter(Console console, ReportFormat format, FillList fills, boolean watch) {
        this.console = console;
        this.format = format;
        this.fills = fills;
        this.watch = watch;
    }

    void print(SweepOutput output) {
        if (format == ReportFormat.JSON) {
            console.out().print(new JsonRenderer().render(output) + "\n");
        } else if (format == ReportFormat.CSV) {
            CsvRenderer csv = new CsvRenderer();
            if (!headerPrinted) {
                console.out().print(csv.header());
                headerPrinted = true;
            }
            console.out().print(csv.rows(output));
        } else {
            if (watch && console.redraw()) {
                console.out().print(CLEAR_SCREEN);
            }
            console.out().print(new HumanRenderer(console.colors(), console.width(), fills).render(output));
        }
        console.out().flush();
    }

    /** A refresh of a watch with no live book: text and JSON say so; CSV, a table of sweeps, has no row for it. */
    void print(NothingLive output) {
        if (format == ReportFormat.JSON) {
            console.out().print(new JsonRenderer().render(output) + "\n");
        } else if (format == ReportFormat.TEXT) {
            if (watch && console.redraw()) {
                console.out().print(CLEAR_SCREEN);
            }
            console.out().print(new HumanRenderer(console.colors(), console.width(), fills).render(output));
        }
        console.out().flush();
    }
}
