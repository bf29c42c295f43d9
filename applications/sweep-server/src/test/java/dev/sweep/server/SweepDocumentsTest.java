package dev.sweep.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.OrderRequest;
import dev.sweep.core.OrderSide;
import dev.sweep.core.Side;
import dev.sweep.feed.BookView;
import dev.sweep.report.Reports;
import dev.sweep.report.TakerFees;
import dev.sweep.report.render.JsonRenderer;
import dev.sweep.report.render.SweepOutput;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Sweep documents are written once per query for the same copies of the books, and afresh for new copies, so that a
 * document is always the one written from the books it is answered with.
 */
class SweepDocumentsTest {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final BookView KRAKEN = BookView.fromFile(new OrderBook("kraken", BTC_USD, 1));

    private final SweepDocuments documents = new SweepDocuments();
    private final AtomicInteger written = new AtomicInteger();

    @Test
    void aQueryAskedAgainOfTheSameCopiesGetsTheDocumentWrittenFirst() {
        Map<Instrument, List<BookView>> copies = copies();

        Answer first = documents.answer(copies, "side=sell&qty=15", this::write);
        Answer again = documents.answer(Map.of(BTC_USD, copies.get(BTC_USD)), "side=sell&qty=15", this::write);

        assertThat(again).isSameAs(first);
        assertThat(written.get()).isEqualTo(1);
    }

    @Test
    void newCopiesAreWrittenAfreshEvenWhenTheyAreEqualToTheLast() {
        Map<Instrument, List<BookView>> last = copies();
        Answer first = documents.answer(last, "side=sell&qty=15", this::write);
        Map<Instrument, List<BookView>> next = copies();
        Answer second = documents.answer(next, "side=sell&qty=15", this::write);

        assertThat(next).isEqualTo(last);
        assertThat(second.body()).isEqualTo("{\"document\": 2}\n");
        assertThat(first.body()).isEqualTo("{\"document\": 1}\n");
    }

    @Test
    void anotherQueryIsAnotherDocument() {
        Map<Instrument, List<BookView>> copies = copies();

        documents.answer(copies, "side=sell&qty=15", this::write);
        Answer other = documents.answer(copies, "side=buy&qty=15", this::write);

        assertThat(other.body()).isEqualTo("{\"document\": 2}\n");
    }

    @Test
    void atMostMaxQueriesAreKeptForTheSameCopies() {
        Map<Instrument, List<BookView>> copies = copies();
        for (int i = 0; i < SweepDocuments.MAX_QUERIES + 1; i++) {
            documents.answer(copies, "side=sell&qty=" + (i + 1), this::write);
        }

        documents.answer(copies, "side=sell&qty=1", this::write);
        documents.answer(copies, "side=sell&qty=" + (SweepDocuments.MAX_QUERIES + 1), this::write);

        assertThat(written.get()).isEqualTo(SweepDocuments.MAX_QUERIES + 2);
    }

    @Test
    void overHttpASweepOfNewCopiesIsTheDocumentOfTheBooksAsTheyAreNow() {
        AtomicInteger size = new AtomicInteger(1);
        // Copies at most 0 ms old: every request takes a new copy, of the book as it is then.
        FeedBooks books = new FeedBooks(SweepOutput.LIVE, List.of(BTC_USD), List.of("kraken"),
                instrument -> List.of(BookView.fromFile(book(size.get()))));
        try (SweepServer server = SweepServer.start(new ServerConfig(ServerConfig.LOOPBACK, 0, Duration.ZERO, 1),
                books)) {
            Http http = new Http(server.uri());

            String first = http.get("/api/v1/sweep?side=sell&qty=1").body();
            size.set(2);
            String second = http.get("/api/v1/sweep?side=sell&qty=1").body();

            assertThat(first).isEqualTo(printed(book(1)));
            assertThat(second).isEqualTo(printed(book(2)));
        }
    }

    /** One level a side, of {@code size} BTC. */
    private static OrderBook book(int size) {
        OrderBook book = new OrderBook("kraken", BTC_USD, 1);
        book.set(Side.BID, BTC_USD.parsePrice("100.0"), BTC_USD.parseSize(Integer.toString(size)));
        book.set(Side.ASK, BTC_USD.parsePrice("101.0"), BTC_USD.parseSize(Integer.toString(size)));
        return book;
    }

    /** What {@code sweep sell 1 --json} prints for the live book. */
    private static String printed(OrderBook book) {
        List<BookView> views = List.of(BookView.fromFile(book));
        return new JsonRenderer().render(new SweepOutput(SweepOutput.LIVE, Reports.analyze(new OrderRequest(
                OrderSide.SELL, BigDecimal.ONE, false), views, TakerFees.from(List.of())), views)) + "\n";
    }

    private Answer write() {
        return Answer.json(200, "{\"document\": " + written.incrementAndGet() + "}");
    }

    /** A new copy of the same book: a list equal to the last, not the same one. */
    private static Map<Instrument, List<BookView>> copies() {
        return Map.of(BTC_USD, new ArrayList<>(List.of(KRAKEN)));
    }
}
