package dev.sweep.cli;

import static dev.sweep.cli.OrderCommandTest.SMALL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.report.Reports;
import dev.sweep.report.TakerFees;
import dev.sweep.report.bookfile.BookFile;
import dev.sweep.report.render.FillList;
import dev.sweep.report.render.SweepOutput;
import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.OrderRequest;
import dev.sweep.core.OrderSide;
import dev.sweep.feed.BookView;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reports printed under --watch: redrawn in place when stdout is a terminal, whatever NO_COLOR says. */
class ReportPrinterTest {

    private final StringWriter out = new StringWriter();

    @Test
    void aWatchRedrawsOnATerminalEvenWithNoColor() {
        ReportPrinter printer = new ReportPrinter(console(true, Map.of("NO_COLOR", "1")), ReportFormat.TEXT,
                FillList.SUMMARY, true);

        printer.print(output());
        printer.print(output());

        assertThat(out.toString()).startsWith(ReportPrinter.CLEAR_SCREEN + "SELL 3 BTC-USD");
        assertThat(out.toString().split("\u001b\\[", -1)).hasSize(5);
    }

    @Test
    void aWatchIntoAPipeAppendsReports() {
        ReportPrinter printer = new ReportPrinter(console(false, Map.of()), ReportFormat.TEXT, FillList.SUMMARY, true);

        printer.print(output());

        assertThat(out.toString()).startsWith("SELL 3 BTC-USD").doesNotContain("\u001b");
    }

    private Console console(boolean outTerminal, Map<String, String> environment) {
        return Console.of(new PrintWriter(out), new PrintWriter(new StringWriter()), outTerminal, false, environment);
    }

    /** Selling 3 BTC on the two BTC-USD books of the test book file, without fees. */
    static SweepOutput output() {
        Instrument btcUsd = Instrument.of("BTC-USD");
        List<BookView> views = BookFile.read(Path.of(SMALL), btcUsd).stream()
                .map(book -> new BookView(book.venue(), BookState.LIVE, true, book, -1, 1, 0, null)).toList();
        OrderRequest request = new OrderRequest(OrderSide.SELL, new BigDecimal("3"), false);
        return new SweepOutput(SweepOutput.FILE, Reports.analyze(request, views, TakerFees.from(List.of("none"))),
                views);
    }
}
