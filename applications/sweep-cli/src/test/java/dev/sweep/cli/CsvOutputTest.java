package dev.sweep.cli;

import static dev.sweep.cli.OrderCommandTest.SMALL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --csv}: one header, one row per venue and one for the merged book, exactly the JSON's values. */
class CsvOutputTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void holdsAHeaderThenARowPerVenueAndTheMergedBookWithTheJsonsValues() throws IOException {
        CliRun csv = CliRun.of("buy", "--quote", "1000", "--from", SMALL, "--csv");
        CliRun json = CliRun.of("buy", "--quote", "1000", "--from", SMALL, "--json");

        assertThat(csv.exitCode()).isEqualTo(ExitCode.OK);
        List<Map<String, String>> rows = CsvOutput.read(csv.out());
        assertThat(rows).extracting(row -> row.get("venue")).containsExactly("kraken", "coinbase", "merged");
        assertThat(rows.get(0).get("quoteShortfall")).isEqualTo("644.082");
        assertThat(rows).isEqualTo(CsvOutput.expected(mapper.readTree(json.out())));
        assertThat(csv.out().split("\r\n", -1)).hasSize(5);
    }

    @Test
    void aLeftOutVenueKeepsItsProblemWholeThroughQuotesCommasAndLineBreaks() throws IOException {
        String problem = "cannot connect to \"ws://127.0.0.1:1/gemini\", refused\nretrying in 2 s";
        StringWriter out = new StringWriter();
        Console console = Console.of(new PrintWriter(out), new PrintWriter(new StringWriter()), false, false, Map.of());
        ReportPrinter printer = new ReportPrinter(console, ReportFormat.CSV, FillList.SUMMARY, true);

        printer.print(output(problem));
        printer.print(output(problem));

        List<Map<String, String>> rows = CsvOutput.read(out.toString());
        assertThat(rows).extracting(row -> row.get("venue"))
                .containsExactly("kraken", "coinbase", "gemini", "merged", "kraken", "coinbase", "gemini", "merged");
        assertThat(rows.get(2).get("state")).isEqualTo("SYNCING");
        assertThat(rows.get(2).get("problem")).isEqualTo(problem);
        assertThat(rows.get(2).get("filled")).isEmpty();
        assertThat(out.toString()).containsOnlyOnce("source,side");
    }

    /** Selling 3 BTC on the test book file's two BTC-USD books, with a third venue still syncing. */
    private static SweepOutput output(String problem) {
        List<BookView> views = new ArrayList<>();
        for (OrderBook book : BookFile.read(Path.of(SMALL), BTC_USD)) {
            views.add(new BookView(book.venue(), BookState.LIVE, true, book, 40_000_000, 1, 0, null));
        }
        views.add(new BookView("gemini", BookState.SYNCING, false, new OrderBook("gemini", BTC_USD, 2), -1, 0, 1,
                problem));
        OrderRequest request = new OrderRequest(OrderSide.SELL, new BigDecimal("3"), false);
        return new SweepOutput(SweepOutput.LIVE, Reports.analyze(request, views, TakerFees.from(List.of("none"))),
                views);
    }
}
